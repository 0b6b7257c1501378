public import Foundation

/// Where the ledger lives unless `--ledger PATH` says otherwise.
public enum LedgerLocation {
    /// `$XDG_DATA_HOME/einvoice/ledger.sqlite`, else `~/.local/share/einvoice/ledger.sqlite`
    /// (the XDG Base Directory rule: a relative `XDG_DATA_HOME` is ignored).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("einvoice/ledger.sqlite").path
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/einvoice/ledger.sqlite").path
    }
}
