internal import CQPDF
public import EInvoiceBasics
public import Foundation

/// Turns a Cairo PDF into PDF/A-3b with libqpdf: XMP metadata, an sRGB output intent, the Info
/// dictionary made to agree with the XMP, and the IRP's tokens embedded as associated files.
///
/// Cairo already embeds every font; what Cairo cannot do — metadata streams, output intents,
/// embedded files — is added here by editing the object graph, never by writing PDF by hand.
public enum PDFArchiver {
    /// - Parameters:
    ///   - metadata: the values Cairo already wrote to the Info dictionary; written again there and to the XMP.
    ///   - producer: the PDF `/Producer` and XMP `pdf:Producer` (the tools that made the file).
    public static func makePDFA3(_ pdf: Data, metadata: DocumentMetadata, producer: String,
                                 attachments: [ArchiveAttachment], iccProfile: Data) throws(ArchiveError) -> Data {
        guard let q = qpdf_init() else { throw ArchiveError(.readFailed, "qpdf could not start") }
        defer {
            var handle: qpdf_data? = q
            qpdf_cleanup(&handle)
        }
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        let read = pdf.withUnsafeBytes { bytes in
            qpdf_read_memory(q, "invoice.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        try check(q, read, .readFailed, "reading the rendered PDF")
        let root = qpdf_get_root(q)

        // Output intent: sRGB, as the colours Cairo writes are DeviceRGB.
        let profile = stream(q, iccProfile)
        qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, profile), "/N", qpdf_oh_new_integer(q, 3))
        let intent = dictionary(q, [
            "/Type": qpdf_oh_new_name(q, "/OutputIntent"), "/S": qpdf_oh_new_name(q, "/GTS_PDFA1"),
            "/OutputConditionIdentifier": qpdf_oh_new_string(q, "sRGB IEC61966-2.1"),
            "/Info": qpdf_oh_new_string(q, "sRGB IEC61966-2.1"), "/DestOutputProfile": profile,
        ])
        let intents = qpdf_oh_new_array(q)
        qpdf_oh_append_item(q, intents, intent)
        qpdf_oh_replace_key(q, root, "/OutputIntents", intents)

        // XMP metadata, uncompressed (PDF/A wants it readable by plain tools).
        let xmp = stream(q, Data(metadata.xmp(producer: producer).utf8))
        let xmpDict = qpdf_oh_get_dict(q, xmp)
        qpdf_oh_replace_key(q, xmpDict, "/Type", qpdf_oh_new_name(q, "/Metadata"))
        qpdf_oh_replace_key(q, xmpDict, "/Subtype", qpdf_oh_new_name(q, "/XML"))
        qpdf_oh_replace_key(q, root, "/Metadata", xmp)

        // Associated files: /AF on the catalog and the /EmbeddedFiles name tree.
        let associated = qpdf_oh_new_array(q)
        let names = qpdf_oh_new_array(q)
        for attachment in attachments.sorted(by: { $0.name < $1.name }) {
            let file = stream(q, attachment.data)
            let fileDict = qpdf_oh_get_dict(q, file)
            qpdf_oh_replace_key(q, fileDict, "/Type", qpdf_oh_new_name(q, "/EmbeddedFile"))
            qpdf_oh_replace_key(q, fileDict, "/Subtype", qpdf_oh_new_name(q, "/" + nameEscaped(attachment.mimeType)))
            qpdf_oh_replace_key(q, fileDict, "/Params", dictionary(q, [
                "/Size": qpdf_oh_new_integer(q, Int64(attachment.data.count)),
                "/ModDate": qpdf_oh_new_string(q, metadata.pdfDate),
            ]))
            let embedded = dictionary(q, ["/F": file, "/UF": file])
            let spec = qpdf_make_indirect_object(q, dictionary(q, [
                "/Type": qpdf_oh_new_name(q, "/Filespec"), "/F": qpdf_oh_new_string(q, attachment.name),
                "/UF": qpdf_oh_new_unicode_string(q, attachment.name), "/Desc": qpdf_oh_new_unicode_string(q, attachment.description),
                "/AFRelationship": qpdf_oh_new_name(q, "/Source"), "/EF": embedded,
            ]))
            qpdf_oh_append_item(q, associated, spec)
            qpdf_oh_append_item(q, names, qpdf_oh_new_unicode_string(q, attachment.name))
            qpdf_oh_append_item(q, names, spec)
        }
        if !attachments.isEmpty {
            qpdf_oh_replace_key(q, root, "/AF", associated)
            qpdf_oh_replace_key(q, root, "/Names", dictionary(q, ["/EmbeddedFiles": dictionary(q, ["/Names": names])]))
        }

        // Info agrees with the XMP, with proper PDF dates (Cairo 1.16 omits the "D:" prefix).
        let trailer = qpdf_get_trailer(q)
        let info = qpdf_make_indirect_object(q, dictionary(q, [
            "/Title": qpdf_oh_new_unicode_string(q, metadata.title), "/Author": qpdf_oh_new_unicode_string(q, metadata.author),
            "/Subject": qpdf_oh_new_unicode_string(q, metadata.subject), "/Keywords": qpdf_oh_new_unicode_string(q, metadata.keywords),
            "/Creator": qpdf_oh_new_unicode_string(q, metadata.creator), "/Producer": qpdf_oh_new_unicode_string(q, producer),
            "/CreationDate": qpdf_oh_new_string(q, metadata.pdfDate), "/ModDate": qpdf_oh_new_string(q, metadata.pdfDate),
        ]))
        qpdf_oh_replace_key(q, trailer, "/Info", info)

        try check(q, qpdf_init_write_memory(q), .writeFailed, "preparing to write")
        // A deterministic /ID (PDF/A requires one): the same input gives the same bytes.
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_minimum_pdf_version(q, "1.7")
        qpdf_set_object_stream_mode(q, qpdf_o_disable)
        // New streams (XMP, tokens) stay uncompressed and readable; Cairo's stay as they are.
        qpdf_set_compress_streams(q, QPDF_FALSE)
        try check(q, qpdf_write(q), .writeFailed, "writing the archive PDF")
        guard let buffer = qpdf_get_buffer(q) else { throw ArchiveError(.writeFailed, "qpdf wrote nothing") }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(q))
    }

    /// qpdf's error convention, a code with `QPDF_ERRORS` set plus a message on the handle,
    /// translated here and only here.
    private static func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ kind: ArchiveError.Code, _ what: String) throws(ArchiveError) {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) == QPDF_TRUE else { return }
        var message = "unknown error"
        if let error = qpdf_get_error(q), let text = qpdf_get_error_full_text(q, error) { message = String(cString: text) }
        throw ArchiveError(kind, "\(what): \(message)")
    }

    private static func stream(_ q: qpdf_data, _ data: Data) -> qpdf_oh {
        let handle = qpdf_oh_new_stream(q)
        data.withUnsafeBytes { bytes in
            qpdf_oh_replace_stream_data(q, handle, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                                        qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        }
        return handle
    }

    private static func dictionary(_ q: qpdf_data, _ entries: [String: qpdf_oh]) -> qpdf_oh {
        let handle = qpdf_oh_new_dictionary(q)
        for key in entries.keys.sorted() {
            if let value = entries[key] { qpdf_oh_replace_key(q, handle, key, value) }
        }
        return handle
    }

    /// A MIME type as a PDF name: `/` becomes `#2F`.
    private static func nameEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "/", with: "#2F")
    }
}
