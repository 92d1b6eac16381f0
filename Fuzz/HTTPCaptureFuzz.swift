// libFuzzer entry point: the capture reader behind `tokenaudit validate headers` (HAR, raw
// requests, `curl -v` output) on arbitrary bytes, read from a descriptor as the command reads a
// file, and each request it yields audited. A malformed capture must be a thrown error with a
// location, never a crash or a hang.
import SirportlyAuth

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPCapture(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do throws(HTTPCaptureReadError) {
        _ = try HTTPCaptureReader.read(descriptor: InputFile.holding(data, size)) { request in
            _ = SirportlyRequestAuditor.audit(request).problems.map(\.description)
            _ = CredentialDisplay.url(request.url, redact: true)
            for header in request.headers { _ = CredentialDisplay.string(header.value, redact: true) }
        }
    } catch {
        switch error {
        case .unreadable(let reason):
            preconditionFailure("an in-memory capture was unreadable: \(reason)")
        case .malformed(let error):
            precondition(!error.location.isEmpty && !error.message.isEmpty, "a malformed capture without a location or message")
        }
    }
    return 0
}
