import EInvoiceBasics
import Foundation

/// The archive's two views of the metadata: the PDF date string and the XMP packet.
extension DocumentMetadata {
    /// The date as a PDF date string, `D:20230512141100+05'30'`.
    var pdfDate: String {
        let digits = creationDate.filter(\.isNumber)
        let stamp = String(digits.prefix(14)).padding(toLength: 14, withPad: "0", startingAt: 0)
        if creationDate.hasSuffix("Z") { return "D:\(stamp)Z" }
        let zone = creationDate.suffix(6)
        if zone.first == "+" || zone.first == "-", zone.dropFirst(3).first == ":" {
            return "D:\(stamp)\(zone.prefix(3))'\(zone.suffix(2))'"
        }
        return "D:\(stamp)"
    }

    /// The XMP packet: Dublin Core, XMP basic, PDF and PDF/A identification (part 3, conformance B).
    func xmp(producer: String) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(title))</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>\(escaped(author))</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(subject))</rdf:li></rdf:Alt></dc:description>
               <xmp:CreateDate>\(creationDate)</xmp:CreateDate>
               <xmp:ModifyDate>\(creationDate)</xmp:ModifyDate>
               <xmp:CreatorTool>\(escaped(creator))</xmp:CreatorTool>
               <pdf:Producer>\(escaped(producer))</pdf:Producer>
               <pdf:Keywords>\(escaped(keywords))</pdf:Keywords>
               <pdfaid:part>3</pdfaid:part>
               <pdfaid:conformance>B</pdfaid:conformance>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }
}
