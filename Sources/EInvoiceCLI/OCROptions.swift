public import ArgumentParser
public import InvoiceScanning

/// `--ocr` on every command that checks received files (`scan`, `verify FILE`).
struct OCROptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read printed values by OCR: auto (pages without a text layer: scans, photos), on (every page), off.",
        valueName: "MODE"))
    var ocr: OCRMode = .auto
}

extension OCRMode: ExpressibleByArgument {}
