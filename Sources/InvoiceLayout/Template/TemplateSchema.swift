import Foundation

/// The version-2 template format, key by key: the single description the loader checks against
/// and `Templates/schema.json` is generated from (`einvoice templates schema`).
public enum TemplateSchema {
    typealias P = SchemaNode.Property

    public static let copyNames = ["original", "duplicate", "triplicate"]

    public static let root: SchemaNode = .object("An einvoice print format (template version 2).", [
        P("$schema", .string("Path or URL of this schema, for editors."), required: false),
        P("format", .string("Always \"einvoice-template\".", allowed: [InvoiceTemplate.format])),
        P("version", .integer("Template format version: 2.", minimum: 2, maximum: 2)),
        P("name", .string("Name shown by `einvoice templates list`.")),
        P("page", page),
        P("fonts", .object("Font families, from the fonts in Fonts/ (or --font-path).", [
            P("text", .string("Family for all running text, e.g. \"Noto Sans\".")),
            P("identifiers", .string("Family for the IRN, e.g. \"Noto Sans Mono\".")),
        ])),
        P("colors", .object("Colours as #RRGGBB.", [
            P("text", color("Body text.")), P("muted", color("Secondary text and labels.")),
            P("accent", color("Title, seller name, headings.")), P("rule", color("Lines and box borders.")),
            P("headerFill", color("Table header background.")), P("mark", color("SANDBOX / CANCELLED / NOT VERIFIED banner.")),
        ])),
        P("typeSizes", .object("Type sizes in points.", [
            P("base", .number("Body text.", minimum: 5, maximum: 16)),
            P("small", .number("Labels, notes, footer.", minimum: 4, maximum: 14)),
            P("title", .number("Document title (TAX INVOICE).", minimum: 6, maximum: 32)),
            P("sellerName", .number("Seller name in the letterhead.", minimum: 6, maximum: 32)),
            P("table", .number("Line-table text.", minimum: 4, maximum: 14)),
        ])),
        P("qr", .object("The IRP-signed QR.", [
            P("sizeMM", .number("Printed size including the quiet zone (NIC suggests 2 in).", minimum: 40, maximum: 120)),
            P("errorCorrection", .string("Default error correction; --qr-ecc overrides.", allowed: ["L", "M", "Q", "H"])),
            P("quietZoneModules", .integer("White border in modules.", minimum: 4, maximum: 10)),
        ])),
        P("company", company, required: false),
        P("payment", payment, required: false),
        P("terms", .array("Terms and conditions, one item each, numbered on the page.", of: .string("One term.")), required: false),
        P("signature", .object("The signature box.", [
            P("image", .nullable(.string("Signature or stamp image above the signatory line.", format: .pngPath)), required: false),
            P("imageHeightMM", .nullable(.number("Height of the signature image.", minimum: 5, maximum: 40)), required: false),
            P("forSeller", .boolean("Head the box with \"For {seller}\" (default true)."), required: false),
        ]), required: false),
        P("declaration", .string("Declaration printed beside the signature (empty: none).")),
        P("footer", .nullable(.string("Text at the foot of every page.")), required: false),
        P("copies", .object("Copy labels (Rule 48(1): goods in triplicate).", [
            P("default", .array("Copies printed when --copies is not given (default: one copy without a label).",
                               of: .string("A copy name from labels.")), required: false),
            P("labels", .map("Printed label per copy name, added to the defaults original, duplicate, triplicate.",
                             of: .string("Label, e.g. ORIGINAL FOR RECIPIENT.")), required: false),
        ]), required: false),
        P("show", .object("Optional blocks, each shown unless set to false.", [
            ("hsnSummary", "HSN-wise tax summary."), ("amountInWords", "Total in words."), ("shipTo", "Ship-to party."),
            ("dispatchFrom", "Dispatch-from party."), ("ewayBill", "E-way bill in the e-invoice panel and transport details."),
            ("declaration", "The declaration text."),
        ].map { P($0.0, .boolean($0.1), required: false) }), required: false),
        P("columns", .array("Line-table columns in order (all-zero tax and discount columns are dropped).",
                            of: .string("A column id.", allowed: ColumnID.allCases.map(\.rawValue)), minItems: 2)),
        P("labels", .object("Label overrides; each key's default is given.",
                            LabelKey.allCases.map { P($0.rawValue, .string("\($0.meaning) (default \"\($0.defaultText)\")."), required: false) }),
          required: false),
    ])

    static let page: SchemaNode = .object("Paper.", [
        P("size", .string("Paper size.", allowed: ["A4", "A5", "Letter", "custom"])),
        P("widthMM", .nullable(.number("Width, for size custom.", minimum: 50, maximum: 500)), required: false),
        P("heightMM", .nullable(.number("Height, for size custom.", minimum: 50, maximum: 1000)), required: false),
        P("marginsMM", .object("Margins in millimetres.", ["top", "right", "bottom", "left"].map {
            P($0, .number("\($0.capitalized) margin.", minimum: 3, maximum: 50))
        })),
    ])

    static let company: SchemaNode = .object("The letterhead; name and address override the signed invoice's on the page.", [
        P("logo", .nullable(.string("Logo image.", format: .pngPath)), required: false),
        P("logoHeightMM", .nullable(.number("Logo height.", minimum: 5, maximum: 50)), required: false),
        P("name", .nullable(.string("Company name as printed (the signed legal name is printed beneath if different).")), required: false),
        P("tagline", .nullable(.string("Line under the name.")), required: false),
        P("address", .nullable(.array("Address lines replacing the signed address.", of: .string("One line."))), required: false),
        P("cin", .nullable(.string("Corporate identity number.")), required: false),
        P("pan", .nullable(.string("PAN.")), required: false),
        P("phone", .nullable(.string("Phone.")), required: false),
        P("email", .nullable(.string("E-mail.")), required: false),
        P("website", .nullable(.string("Website.")), required: false),
    ])

    static let payment: SchemaNode = .object("Bank details printed for payment.", [
        P("accountName", .nullable(.string("Account holder.")), required: false),
        P("bank", .nullable(.string("Bank name.")), required: false),
        P("accountNumber", .nullable(.string("Account number (as text, to keep leading zeros).")), required: false),
        P("ifsc", .nullable(.string("IFSC.")), required: false),
        P("branch", .nullable(.string("Branch.")), required: false),
        P("upiId", .nullable(.string("UPI address (name@bank); render --upi without a VPA pays it.")), required: false),
    ])

    static func color(_ doc: String) -> SchemaNode { .string(doc, format: .color) }
}
