import Foundation

/// Says in words why the desk cannot listen on an address, before the server starts.
///
/// The server library reports a busy port as a raw `bind(…) (errno: 98)` after the start-up line has
/// been printed; checking first gives a sentence and an exit code instead. (A port taken between the
/// check and the real bind still fails, with the library's message.)
public enum PortAvailability {
    /// `nil` if `host:port` can be bound now; otherwise the reason.
    public static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            return "cannot listen on \(host): not an address of this machine (\(String(cString: gai_strerror(status))))"
        }
        defer { freeaddrinfo(list) }
        let socketDescriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socketDescriptor >= 0 else { return "cannot open a socket: \(String(cString: strerror(errno)))" }
        defer { close(socketDescriptor) }
        var on: Int32 = 1
        // The server sets SO_REUSEADDR too, so a port in TIME_WAIT is not reported as busy.
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketDescriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            switch errno {
            case EADDRINUSE:
                return "port \(port) on \(host) is already in use (another desk or server?): stop it or choose another with --port"
            case EACCES:
                return "port \(port) needs privileges on this machine: choose one above 1023 with --port"
            case EADDRNOTAVAIL:
                return "cannot listen on \(host): not an address of this machine"
            default:
                return "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }
}
