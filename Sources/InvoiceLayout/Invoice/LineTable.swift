import EInvoiceModel
import Foundation

/// The line-item table's columns and cell texts, worked out once for the whole invoice.
public struct LineTable: Sendable {
    public struct Column: Sendable, Hashable {
        public var id: ColumnID
        public var title: String
        public var x: Points
        public var width: Points
        public var alignment: TextAlignment
    }

    public let columns: [Column]
    /// One array of cell texts per item, in column order.
    public let rows: [[String]]

    /// Columns whose values are all zero or absent (discount, each tax head, cess) are dropped,
    /// so a 13-column template still leaves the description room on an intra-state invoice.
    static func activeColumns(_ requested: [ColumnID], items: [LineItem]) -> [ColumnID] {
        func any(_ value: (LineItem) -> Decimal?) -> Bool { items.contains { (value($0) ?? 0) != 0 } }
        let hasCGST = any(\.cgstAmount) || any(\.sgstAmount)
        let hasIGST = any(\.igstAmount)
        return requested.filter { id in
            switch id {
            case .discount: any(\.discount)
            case .cgst, .sgst: hasCGST || !hasIGST
            case .igst: hasIGST
            case .cess: items.contains { $0.totalCess != 0 }
            default: true
            }
        }
    }

    static func cell(_ id: ColumnID, _ item: LineItem, index: Int) -> String {
        let money = { (value: Decimal?) in value.map { IndianNumberFormat.format($0) } ?? "" }
        switch id {
        case .serial: return item.serialNumber ?? String(index + 1)
        case .description: return item.description ?? ""
        case .hsn: return item.hsnCode ?? ""
        case .quantity:
            let quantity = item.quantity.map { IndianNumberFormat.formatTrimmed($0) } ?? ""
            let free = (item.freeQuantity ?? 0) != 0 ? " + \(IndianNumberFormat.formatTrimmed(item.freeQuantity ?? 0)) free" : ""
            return [quantity + free, item.unit ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        case .rate: return item.unitPrice.map(rate) ?? ""
        case .discount: return money(item.discount)
        case .taxable: return money(item.assessableAmount)
        case .gstRate: return item.gstRate.map { IndianNumberFormat.formatTrimmed($0) + "%" } ?? ""
        case .cgst: return money(item.cgstAmount)
        case .sgst: return money(item.sgstAmount)
        case .igst: return money(item.igstAmount)
        case .cess: return item.totalCess == 0 ? "" : money(item.totalCess)
        case .total: return money(item.totalItemValue)
        }
    }

    /// Unit prices may carry 3 decimals (schema); print 2 unless the third is used.
    static func rate(_ value: Decimal) -> String {
        var scaled = value * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return IndianNumberFormat.format(value, fractionDigits: rounded == scaled ? 2 : 3)
    }
}
