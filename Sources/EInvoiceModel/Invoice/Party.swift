/// A seller, buyer, dispatch-from or ship-to block: the schema shares most fields between them.
public struct Party: Sendable, Hashable, Decodable {
    public var gstin: String?
    public var legalName: String?
    public var tradeName: String?
    public var address1: String?
    public var address2: String?
    public var location: String?
    public var pin: String?
    public var stateCode: String?
    /// Buyer only: place of supply (state code, `96` outside India).
    public var placeOfSupply: String?
    public var phone: String?
    public var email: String?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        gstin = c.text("Gstin")
        legalName = c.text("LglNm") ?? c.text("Nm")
        tradeName = c.text("TrdNm")
        address1 = c.text("Addr1")
        address2 = c.text("Addr2")
        location = c.text("Loc")
        pin = c.text("Pin")
        // 2020 samples used `State` for the state code.
        stateCode = c.text("Stcd") ?? c.text("State")
        placeOfSupply = c.text("Pos")
        phone = c.text("Ph")
        email = c.text("Em")
    }

    /// The name to print: legal name, else trade name.
    public var displayName: String { legalName ?? tradeName ?? "" }

    /// Address lines to print, without empty ones: `Addr1`, `Addr2`, then `Loc – PIN`.
    public var addressLines: [String] {
        let place = [location, pin].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " – ")
        return [address1, address2, place].compactMap { line in
            guard let line, !line.isEmpty else { return nil }
            return line
        }
    }
}
