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
        let api = try QPDFLibrary.load()
        guard let q = api.qpdf_init() else { throw ArchiveError(.readFailed, "qpdf could not start") }
        defer {
            var handle: qpdf_data? = q
            api.qpdf_cleanup(&handle)
        }
        api.qpdf_set_suppress_warnings(q, QPDF_TRUE)
        let read = pdf.withUnsafeBytes { bytes in
            api.qpdf_read_memory(q, "invoice.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        try check(api, q, read, .readFailed, "reading the rendered PDF")
        let root = api.qpdf_get_root(q)

        // Output intent: sRGB, as the colours Cairo writes are DeviceRGB.
        let profile = stream(api, q, iccProfile)
        api.qpdf_oh_replace_key(q, api.qpdf_oh_get_dict(q, profile), "/N", api.qpdf_oh_new_integer(q, 3))
        let intent = dictionary(api, q, [
            "/Type": api.qpdf_oh_new_name(q, "/OutputIntent"), "/S": api.qpdf_oh_new_name(q, "/GTS_PDFA1"),
            "/OutputConditionIdentifier": api.qpdf_oh_new_string(q, "sRGB IEC61966-2.1"),
            "/Info": api.qpdf_oh_new_string(q, "sRGB IEC61966-2.1"), "/DestOutputProfile": profile,
        ])
        let intents = api.qpdf_oh_new_array(q)
        api.qpdf_oh_append_item(q, intents, intent)
        api.qpdf_oh_replace_key(q, root, "/OutputIntents", intents)

        // XMP metadata, uncompressed (PDF/A wants it readable by plain tools).
        let xmp = stream(api, q, Data(metadata.xmp(producer: producer).utf8))
        let xmpDict = api.qpdf_oh_get_dict(q, xmp)
        api.qpdf_oh_replace_key(q, xmpDict, "/Type", api.qpdf_oh_new_name(q, "/Metadata"))
        api.qpdf_oh_replace_key(q, xmpDict, "/Subtype", api.qpdf_oh_new_name(q, "/XML"))
        api.qpdf_oh_replace_key(q, root, "/Metadata", xmp)

        // Associated files: /AF on the catalog and the /EmbeddedFiles name tree.
        let associated = api.qpdf_oh_new_array(q)
        let names = api.qpdf_oh_new_array(q)
        for attachment in attachments.sorted(by: { $0.name < $1.name }) {
            let file = stream(api, q, attachment.data)
            let fileDict = api.qpdf_oh_get_dict(q, file)
            api.qpdf_oh_replace_key(q, fileDict, "/Type", api.qpdf_oh_new_name(q, "/EmbeddedFile"))
            api.qpdf_oh_replace_key(q, fileDict, "/Subtype", api.qpdf_oh_new_name(q, "/" + nameEscaped(attachment.mimeType)))
            api.qpdf_oh_replace_key(q, fileDict, "/Params", dictionary(api, q, [
                "/Size": api.qpdf_oh_new_integer(q, Int64(attachment.data.count)),
                "/ModDate": api.qpdf_oh_new_string(q, metadata.pdfDate),
            ]))
            let embedded = dictionary(api, q, ["/F": file, "/UF": file])
            let spec = api.qpdf_make_indirect_object(q, dictionary(api, q, [
                "/Type": api.qpdf_oh_new_name(q, "/Filespec"), "/F": api.qpdf_oh_new_string(q, attachment.name),
                "/UF": api.qpdf_oh_new_unicode_string(q, attachment.name), "/Desc": api.qpdf_oh_new_unicode_string(q, attachment.description),
                "/AFRelationship": api.qpdf_oh_new_name(q, "/Source"), "/EF": embedded,
            ]))
            api.qpdf_oh_append_item(q, associated, spec)
            api.qpdf_oh_append_item(q, names, api.qpdf_oh_new_unicode_string(q, attachment.name))
            api.qpdf_oh_append_item(q, names, spec)
        }
        if !attachments.isEmpty {
            api.qpdf_oh_replace_key(q, root, "/AF", associated)
            api.qpdf_oh_replace_key(q, root, "/Names", dictionary(api, q, ["/EmbeddedFiles": dictionary(api, q, ["/Names": names])]))
        }

        // Info agrees with the XMP, with proper PDF dates (Cairo 1.16 omits the "D:" prefix).
        let trailer = api.qpdf_get_trailer(q)
        let info = api.qpdf_make_indirect_object(q, dictionary(api, q, [
            "/Title": api.qpdf_oh_new_unicode_string(q, metadata.title), "/Author": api.qpdf_oh_new_unicode_string(q, metadata.author),
            "/Subject": api.qpdf_oh_new_unicode_string(q, metadata.subject), "/Keywords": api.qpdf_oh_new_unicode_string(q, metadata.keywords),
            "/Creator": api.qpdf_oh_new_unicode_string(q, metadata.creator), "/Producer": api.qpdf_oh_new_unicode_string(q, producer),
            "/CreationDate": api.qpdf_oh_new_string(q, metadata.pdfDate), "/ModDate": api.qpdf_oh_new_string(q, metadata.pdfDate),
        ]))
        api.qpdf_oh_replace_key(q, trailer, "/Info", info)

        try check(api, q, api.qpdf_init_write_memory(q), .writeFailed, "preparing to write")
        // A deterministic /ID (PDF/A requires one): the same input gives the same bytes.
        api.qpdf_set_deterministic_ID(q, QPDF_TRUE)
        api.qpdf_set_minimum_pdf_version(q, "1.7")
        api.qpdf_set_object_stream_mode(q, qpdf_o_disable)
        // New streams (XMP, tokens) stay uncompressed and readable; Cairo's stay as they are.
        api.qpdf_set_compress_streams(q, QPDF_FALSE)
        try check(api, q, api.qpdf_write(q), .writeFailed, "writing the archive PDF")
        guard let buffer = api.qpdf_get_buffer(q) else { throw ArchiveError(.writeFailed, "qpdf wrote nothing") }
        return Data(bytes: buffer, count: api.qpdf_get_buffer_length(q))
    }

    /// qpdf's error convention, a code with `QPDF_ERRORS` set plus a message on the handle,
    /// translated here and only here.
    private static func check(_ api: einv_qpdf, _ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ kind: ArchiveError.Code, _ what: String) throws(ArchiveError) {
        guard code & QPDF_ERRORS != 0 || api.qpdf_has_error(q) == QPDF_TRUE else { return }
        var message = "unknown error"
        if let error = api.qpdf_get_error(q), let text = api.qpdf_get_error_full_text(q, error) { message = String(cString: text) }
        throw ArchiveError(kind, "\(what): \(message)")
    }

    private static func stream(_ api: einv_qpdf, _ q: qpdf_data, _ data: Data) -> qpdf_oh {
        let handle = api.qpdf_oh_new_stream(q)
        data.withUnsafeBytes { bytes in
            api.qpdf_oh_replace_stream_data(q, handle, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                                        api.qpdf_oh_new_null(q), api.qpdf_oh_new_null(q))
        }
        return handle
    }

    private static func dictionary(_ api: einv_qpdf, _ q: qpdf_data, _ entries: [String: qpdf_oh]) -> qpdf_oh {
        let handle = api.qpdf_oh_new_dictionary(q)
        for key in entries.keys.sorted() {
            if let value = entries[key] { api.qpdf_oh_replace_key(q, handle, key, value) }
        }
        return handle
    }

    /// A MIME type as a PDF name: `/` becomes `#2F`.
    private static func nameEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "/", with: "#2F")
    }
}
