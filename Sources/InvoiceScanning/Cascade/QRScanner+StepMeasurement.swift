public import EInvoiceBasics
import QRCodec

extension QRScanner {
    /// One cascade step tried alone on one region: what zbar read after it and the CPU time it
    /// took (this thread's, ``ThreadCPUClock``).
    public struct StepTrial: Sendable {
        public var step: String
        public var texts: [String]
        public var seconds: Double
    }

    /// Every region step, and the geometric sampler, tried alone on `crop` with no early stop:
    /// the measurement behind ``MeasuredStepOrder`` (`einvoice-bench scan-steps`, then
    /// `bench/corpus/step_order.py`). Not for scanning: it spends the whole repertoire.
    public static func trialOfEveryStep(on crop: GreyImage) -> [StepTrial] {
        var trials: [StepTrial] = []
        for step in regionSteps {
            let start = ThreadCPUClock.now()
            let texts = QRDecoder.decode(step.transform(crop)).map(\.text)
            trials.append(StepTrial(step: step.name, texts: texts, seconds: ThreadCPUClock.now() - start))
        }
        let start = ThreadCPUClock.now()
        let read = GeometricReader().read(crop, deadline: start + 10)
        trials.append(StepTrial(step: GeometricReader.stepName, texts: read.symbols.map(\.text), seconds: ThreadCPUClock.now() - start))
        return trials
    }
}
