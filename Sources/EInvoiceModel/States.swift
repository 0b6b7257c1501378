/// GST state and union-territory codes (DOMAIN.md §5), for printing "Karnataka (29)".
public enum StateCode {
    public static let names: [String: String] = [
        "01": "Jammu & Kashmir", "02": "Himachal Pradesh", "03": "Punjab", "04": "Chandigarh",
        "05": "Uttarakhand", "06": "Haryana", "07": "Delhi", "08": "Rajasthan", "09": "Uttar Pradesh",
        "10": "Bihar", "11": "Sikkim", "12": "Arunachal Pradesh", "13": "Nagaland", "14": "Manipur",
        "15": "Mizoram", "16": "Tripura", "17": "Meghalaya", "18": "Assam", "19": "West Bengal",
        "20": "Jharkhand", "21": "Odisha", "22": "Chhattisgarh", "23": "Madhya Pradesh", "24": "Gujarat",
        "25": "Daman & Diu (old code)", "26": "Dadra & Nagar Haveli and Daman & Diu", "27": "Maharashtra",
        "28": "Andhra Pradesh (old code)", "29": "Karnataka", "30": "Goa", "31": "Lakshadweep", "32": "Kerala",
        "33": "Tamil Nadu", "34": "Puducherry", "35": "Andaman & Nicobar Islands", "36": "Telangana",
        "37": "Andhra Pradesh", "38": "Ladakh", "96": "Other Countries", "97": "Other Territory",
    ]

    /// "Karnataka (29)" for "29" (also "9"); the code alone when unknown.
    public static func label(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let padded = code.count == 1 ? "0" + code : code
        guard let name = names[padded] else { return code }
        return "\(name) (\(padded))"
    }
}
