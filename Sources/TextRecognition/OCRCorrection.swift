import Foundation
import PrintedText

/// What OCR gets wrong in the values a buyer compares, undone only where the value's own
/// structure says which character it must be, and never towards any expected value.
///
/// A GSTIN has digits where its state code and PAN's number stand, letters where PAN's letters
/// stand, `Z` in the 14th place and a mod-36 check character (DOMAIN.md §6): `O9AABCW0339G3ZD`
/// can only be `09AABCW0339G3ZD`, and only if the check character then holds. An amount must be
/// grouped the Indian or the Western way.
enum OCRCorrection {
    /// Letters OCR reads for digits and digits it reads for letters, by look.
    private static let asDigit: [Character: Character] = [
        "O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "i": "1", "|": "1", "Z": "2", "z": "2",
        "S": "5", "s": "5", "G": "6", "b": "6", "B": "8", "g": "9", "q": "9",
    ]
    private static let asLetter: [Character: Character] = ["0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B", "4": "A"]
    /// Pairs OCR cannot tell apart where a GSTIN allows both (its 13th and 15th characters).
    private static let lookalikes: [Character: [Character]] = [
        "0": ["O", "D"], "O": ["0", "D"], "D": ["0", "O"], "1": ["I"], "I": ["1"], "5": ["S"], "S": ["5"], "8": ["B"], "B": ["8"],
        "2": ["Z"], "Z": ["2"], "6": ["G"], "G": ["6"],
    ]
    private static let digitPlaces: Set<Int> = [0, 1, 7, 8, 9, 10]
    private static let letterPlaces: Set<Int> = [2, 3, 4, 5, 6, 11]

    /// A 15-character OCR token as the GSTIN its structure allows, and whether its check character
    /// holds; `nil` when the token cannot be a GSTIN at all.
    static func gstin(_ token: String) -> (text: String, valid: Bool)? {
        let characters = Array(token.trimmingCharacters(in: CharacterSet.alphanumerics.inverted))
        guard characters.count == 15, characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "|" }) else { return nil }
        var fixed: [Character] = []
        for (index, character) in characters.enumerated() {
            if digitPlaces.contains(index) {
                fixed.append(character.isNumber ? character : asDigit[character] ?? character)
            } else if letterPlaces.contains(index) {
                fixed.append(character.isLetter ? Character(character.uppercased()) : asLetter[character] ?? character)
            } else if index == 13 {
                fixed.append(character == "2" || character == "z" ? "Z" : Character(character.uppercased()))
            } else {
                fixed.append(character == "|" ? "1" : Character(character.uppercased()))
            }
        }
        guard let shaped = PrintedValueSyntax.gstin(String(fixed)), fixed[13] == "Z" else { return nil }
        if isValid(shaped) { return (shaped, true) }
        // One lookalike in the two places that take both letters and digits, if exactly one makes the check hold.
        var candidates: [String] = []
        for place in [12, 14] {
            for other in lookalikes[fixed[place]] ?? [] {
                var trial = fixed
                trial[place] = other
                if isValid(String(trial)) { candidates.append(String(trial)) }
            }
        }
        return candidates.count == 1 ? (candidates[0], true) : (shaped, false)
    }

    /// A GSTIN with a state code and a check character that holds.
    static func isValid(_ gstin: String) -> Bool {
        guard let state = Int(gstin.prefix(2)), (1...38).contains(state) || state == 97 || state == 99 else { return false }
        return PrintedValueSyntax.gstinCheckCharacter(gstin) == gstin.last
    }

    /// Whether an amount word is grouped as people print amounts: `7,63,541.89` (Indian),
    /// `763,541.89` (Western) or `763541.89`, with 0 or 2 decimals. A misread comma or a lost digit
    /// usually breaks the grouping.
    static func isWellGrouped(_ word: String) -> Bool {
        var text = Substring(word)
        for prefix in ["₹", "Rs.", "Rs", "INR"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        for suffix in ["/-", ":"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.count == 1 || parts[1].count == 2 && parts[1].allSatisfy(\.isASCIIDigit) else { return false }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if groups.count == 1 { return true }
        guard groups.last?.count == 3, (1...3).contains(groups[0].count) else { return false }
        let middle = groups.dropFirst().dropLast().map(\.count)
        return middle.allSatisfy { $0 == 2 } && groups[0].count <= 2 || middle.allSatisfy { $0 == 3 }
    }

    /// The words with split amounts joined (``joiningSplitNumbers(_:)``) and the rupee sign,
    /// which Tesseract's English model does not know, restored where it misread it
    /// (``restoringRupeeSigns(_:)``).
    static func tidied(_ words: [RecognizedWord]) -> [RecognizedWord] {
        restoringRupeeSigns(joiningSplitNumbers(words))
    }

    /// Tesseract reads the `₹` before an amount as a stray character (`t`, `%`, `=`) or glues it
    /// on as a digit (`07,63,541.89`). A single character just before an amount with paise on its
    /// line becomes `₹` again, so the label reader can pass over it to the amount; a leading `0`
    /// glued to an Indian- or Western-grouped amount (which no amount is printed with) is dropped.
    /// Neither changes the amount's own digits.
    static func restoringRupeeSigns(_ words: [RecognizedWord]) -> [RecognizedWord] {
        var result = words.map { word -> RecognizedWord in
            var word = word
            if word.text.count > 2, word.text.hasPrefix("0"), word.text.dropFirst().first?.isNumber == true, word.text.contains(","),
               isWellGrouped(String(word.text.dropFirst())) {
                word.text.removeFirst()
            }
            return word
        }
        for index in result.indices.dropLast() {
            let mark = result[index], amount = result[index + 1]
            guard mark.text.count == 1, !(mark.text.first?.isNumber ?? true), mark.box.sharesLine(with: amount.box),
                  amount.box.minX >= mark.box.maxX - 1, amount.box.minX - mark.box.maxX < 0.8 * amount.box.height,
                  amount.text.contains("."), isWellGrouped(amount.text)
            else { continue }
            result[index].text = "₹"
        }
        return result
    }

    /// The words with amounts OCR split at a comma or point (`7,63,` `541.89`) joined again, when
    /// the pieces nearly touch and the whole is a well-grouped amount.
    static func joiningSplitNumbers(_ words: [RecognizedWord]) -> [RecognizedWord] {
        var result: [RecognizedWord] = []
        for word in words {
            if let last = result.last, last.box.sharesLine(with: word.box), word.box.minX >= last.box.minX,
               word.box.minX - last.box.maxX < 0.45 * max(word.box.height, last.box.height),
               last.text.last.map({ $0.isNumber || $0 == "," || $0 == "." }) == true,
               word.text.first.map({ $0.isNumber || $0 == "," || $0 == "." }) == true,
               isWellGrouped(last.text + word.text), PrintedValueSyntax.amount(last.text + word.text) != nil {
                result[result.count - 1] = RecognizedWord(text: last.text + word.text, box: last.box.union(word.box),
                                                          confidence: min(last.confidence, word.confidence))
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// What two reads of one word must share to agree: the amount's value when both are amounts
    /// (one read may take the `₹` before it for part of the word, the other not), else the text
    /// without the punctuation at its ends.
    static func agreementKey(_ text: String) -> String {
        let core = text.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        if isWellGrouped(core), let amount = PrintedValueSyntax.amount(core) { return "amount \(amount)" }
        return core
    }

    /// Whether the word is a value whose structure confirms its read: a GSTIN whose check
    /// character holds (a misread keeps it with a chance of 1 in 36). An amount's grouping
    /// survives a digit misread as another digit, so amounts are not.
    static func isSelfChecking(_ text: String) -> Bool {
        let core = (text.split(separator: ":").last.map(String.init) ?? text).trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        return gstin(core)?.valid == true
    }

    /// The word with a GSTIN in it corrected by structure (`GSTIN:O9AABC…` keeps its label part),
    /// and whether what it holds can be trusted as printed: a GSTIN whose check character fails,
    /// or an amount that is badly grouped, cannot.
    static func corrected(_ text: String) -> (text: String, trustworthy: Bool) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if let last = parts.last, let gstin = gstin(String(last)) {
            let prefix = parts.dropLast().joined(separator: ":")
            return ((prefix.isEmpty && parts.count == 1 ? "" : prefix + ":") + gstin.text, gstin.valid)
        }
        if PrintedValueSyntax.amount(text) != nil, text.contains(where: { $0 == "," || $0 == "." }) {
            return (text, isWellGrouped(text))
        }
        return (text, true)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
