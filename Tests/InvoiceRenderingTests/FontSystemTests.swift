import CairoGraphics
import Foundation
import Testing

/// The fonts folder is read, never guessed: a folder that cannot be listed is named with the reason.
@Suite struct FontSystemTests {
    @Test func anUnreadableFontsFolderIsNamed() {
        let folder = "/nonexistent-\(UUID().uuidString)"
        #expect {
            _ = try FontSystem(fontsDirectory: folder)
        } throws: { error in
            "\(error)".contains(folder) && "\(error)".contains("cannot be read")
        }
    }
}
