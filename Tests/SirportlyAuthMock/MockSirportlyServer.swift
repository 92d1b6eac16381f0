import NIOCore
import NIOHTTP1
import NIOPosix
import Locking

@_exported import struct NIOCore.TimeAmount

/// One request as the mock Sirportly server received it.
public struct MockRequest: Sendable, Hashable {
    public var method: String
    public var uri: String
    public var hostHeader: String?
    public var token: String?
    public var secret: String?

    public init(method: String, uri: String, hostHeader: String?, token: String?, secret: String?) {
        self.method = method
        self.uri = uri
        self.hostHeader = hostHeader
        self.token = token
        self.secret = secret
    }
}

/// What the mock answers. `hang` answers nothing (a server that never replies).
public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: String
    public var hang: Bool
    /// Delay before answering, so that concurrent requests overlap at the server.
    public var delay: TimeAmount

    public init(status: Int, headers: [(String, String)] = [], body: String = "", hang: Bool = false,
                delay: TimeAmount = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.hang = hang
        self.delay = delay
    }
}

/// A Sirportly stand-in on loopback (an ephemeral port) that records every request it receives and
/// how many were in progress at once. Started and stopped by each test; it never leaves 127.0.0.1.
public final class MockSirportlyServer: Sendable {
    private struct State {
        var requests: [MockRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    public let port: Int
    private let channel: any Channel
    private let state: Locked<State>

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
        self.state = Locked(State())
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var requests: [MockRequest] { state.withLock { $0.requests } }
    public var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    public static func start(respond: @escaping @Sendable (MockRequest) -> MockResponse) async throws -> MockSirportlyServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                    try child.pipeline.syncOperations.addHandler(MockHandler(box: box, respond: respond))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = MockSirportlyServer(port: channel.localAddress?.port ?? 0, channel: channel)
        box.server.withLock { $0 = server }
        return server
    }

    public func stop() async throws {
        try await channel.close()
    }

    fileprivate func began(_ request: MockRequest) {
        state.withLock {
            $0.requests.append(request)
            $0.inFlight += 1
            $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
        }
    }

    fileprivate func ended() {
        state.withLock { $0.inFlight -= 1 }
    }
}

/// Lets the child handlers reach the server object created after the bind.
private final class ServerBox: Sendable {
    let server = Locked<MockSirportlyServer?>(nil)
}

private final class MockHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let box: ServerBox
    let respond: @Sendable (MockRequest) -> MockResponse
    var current: MockRequest?
    var open = false

    init(box: ServerBox, respond: @escaping @Sendable (MockRequest) -> MockResponse) {
        self.box = box
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let request = MockRequest(
                method: head.method.rawValue, uri: head.uri, hostHeader: head.headers.first(name: "host"),
                token: head.headers.first(name: "x-auth-token"), secret: head.headers.first(name: "x-auth-secret"))
            current = request
            open = true
            box.server.withLock { $0 }?.began(request)
        case .body:
            break
        case .end:
            guard let request = current else { return }
            let response = respond(request)
            if response.hang { return }
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: response.delay) {
                let (handler, context) = loopBound.value
                handler.write(response, context: context)
            }
        }
    }

    private func write(_ response: MockResponse, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "content-length", value: String(response.body.utf8.count))
        headers.add(name: "content-type", value: "application/json")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        finish()
    }

    private func finish() {
        if open {
            open = false
            box.server.withLock { $0 }?.ended()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }
}
