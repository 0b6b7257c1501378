public import Foundation

/// What an archive PDF says about itself, in both its Info dictionary and its XMP packet (PDF/A
/// requires the two to agree).
public struct ArchiveMetadata: Sendable {
    public var title: String
    public var author: String
    /// Document number, date and IRN, in words.
    public var subject: String
    public var keywords: String
    public var creatorTool: String
    public var producer: String
    /// ISO 8601 with offset, e.g. `2023-05-12T14:11:00+05:30`.
    public var creationDate: String

    public init(title: String, author: String, subject: String, keywords: String, creatorTool: String, producer: String,
                creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creatorTool = creatorTool
        self.producer = producer
        self.creationDate = creationDate
    }

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
    var xmp: String {
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
               <xmp:CreatorTool>\(escaped(creatorTool))</xmp:CreatorTool>
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

/// A file carried inside the PDF as an associated file (PDF/A-3 `/AF`).
public struct ArchiveAttachment: Sendable {
    public var name: String
    public var mimeType: String
    public var description: String
    public var data: Data

    public init(name: String, mimeType: String, description: String, data: Data) {
        self.name = name
        self.mimeType = mimeType
        self.description = description
        self.data = data
    }
}
