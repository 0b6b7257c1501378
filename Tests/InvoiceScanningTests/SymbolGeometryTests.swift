@testable import InvoiceScanning
import Testing

/// The function-module layouts are painted once per version for speed; they must say exactly
/// what the standard's rules say, module by module, for every version.
@Suite struct SymbolGeometryTests {
    @Test func paintedLayoutsMatchTheRulesForEveryVersion() throws {
        for version in 1...40 {
            let geometry = try #require(SymbolGeometry(version: version))
            let n = geometry.dimension
            var mismatches = 0
            for row in 0..<n {
                for column in 0..<n
                where geometry.functionModule(column: column, row: row)
                    != SymbolGeometry.layoutFunctionModule(version, column: column, row: row) {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0, "version \(version)")
        }
    }
}
