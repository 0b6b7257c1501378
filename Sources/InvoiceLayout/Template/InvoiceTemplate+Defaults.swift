/// Defaults for the optional blocks, so a short template means "the usual": one copy without a
/// label, every optional block shown, "For {seller}" above the signature, no bank, terms or footer.
extension InvoiceTemplate {
    public static let defaultCopyLabels = [
        "original": "ORIGINAL FOR RECIPIENT", "duplicate": "DUPLICATE FOR TRANSPORTER", "triplicate": "TRIPLICATE FOR SUPPLIER",
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        name = try container.decode(String.self, forKey: .name)
        page = try container.decode(PageSpec.self, forKey: .page)
        fonts = try container.decode(Fonts.self, forKey: .fonts)
        colors = try container.decode(Colors.self, forKey: .colors)
        typeSizes = try container.decode(TypeSizes.self, forKey: .typeSizes)
        qr = try container.decode(QRSpec.self, forKey: .qr)
        company = try container.decodeIfPresent(Company.self, forKey: .company) ?? Company()
        payment = try container.decodeIfPresent(Payment.self, forKey: .payment)
        terms = try container.decodeIfPresent([String].self, forKey: .terms) ?? []
        signature = try container.decodeIfPresent(Signature.self, forKey: .signature) ?? Signature()
        declaration = try container.decode(String.self, forKey: .declaration)
        footer = try container.decodeIfPresent(String.self, forKey: .footer)
        copies = try container.decodeIfPresent(Copies.self, forKey: .copies) ?? Copies()
        show = try container.decodeIfPresent(Show.self, forKey: .show) ?? Show()
        columns = try container.decode([ColumnID].self, forKey: .columns)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
    }
}

extension InvoiceTemplate.Signature {
    public init() { forSeller = true }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        image = try container.decodeIfPresent(String.self, forKey: .image)
        imageHeightMM = try container.decodeIfPresent(Double.self, forKey: .imageHeightMM)
        forSeller = try container.decodeIfPresent(Bool.self, forKey: .forSeller) ?? true
    }
}

extension InvoiceTemplate.Copies {
    public init() {
        self.default = []
        labels = InvoiceTemplate.defaultCopyLabels
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.default = try container.decodeIfPresent([String].self, forKey: .default) ?? []
        labels = InvoiceTemplate.defaultCopyLabels.merging(
            try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]) { $1 }
    }
}

extension InvoiceTemplate.Show {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func flag(_ key: CodingKeys) throws -> Bool { try container.decodeIfPresent(Bool.self, forKey: key) ?? true }
        hsnSummary = try flag(.hsnSummary)
        amountInWords = try flag(.amountInWords)
        shipTo = try flag(.shipTo)
        dispatchFrom = try flag(.dispatchFrom)
        ewayBill = try flag(.ewayBill)
        declaration = try flag(.declaration)
    }
}
