/// What the label reader found printed on one document, before any comparison.
public struct PrintedReading: Sendable {
    /// A value read beside or below its label.
    public struct Value: Sendable, Hashable {
        /// The value exactly as printed (words joined by one space; a wrapped IRN without the break).
        public var text: String
        public var page: Int
        public var box: WordBox
        /// The label as printed.
        public var label: String
        /// 1 for the strongest labels (``LabelVocabulary``).
        public var tier: Int
        /// Read to the right of its label (`false`: below it).
        public var besideLabel: Bool
        /// Every word of it is certain (``PositionedWord/isCertain``): only then may it differ.
        public var isCertain: Bool = true
    }

    /// A GSTIN and the party heading it is printed under.
    public struct PartyGSTIN: Sendable, Hashable {
        public var gstin: String
        public var text: String
        public var page: Int
        public var box: WordBox
        /// `nil`: under no heading the reader knows.
        public var party: LabelVocabulary.Party?
        /// Read with certainty (a text layer, or agreeing OCR reads with a valid check character).
        public var isCertain: Bool = true
    }

    /// Grand-total amounts, from the strongest tier of total label present.
    public var grandTotals: [Value] = []
    public var documentNumbers: [Value] = []
    public var documentDates: [Value] = []
    /// Printed IRNs (hex digits only, joined over line breaks).
    public var irns: [Value] = []
    public var gstins: [PartyGSTIN] = []
    /// Every word joined without spaces, line by line: for values printed without a label.
    public var compactText: String = ""
    /// The words came from OCR (any word carries a confidence), not from a text layer.
    public var isOCR: Bool = false

    public init() {}
}
