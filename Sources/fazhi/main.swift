import FazhiApp
import FazhiCore
import Foundation
import Logging
import Vapor

// `deadline` needs neither the database nor the key: answer it before building the app.
var arguments = CommandLine.arguments
if arguments.count > 1 && arguments[1] == "deadline" {
    exit(
        DeadlineCLI.run(
            Array(arguments.dropFirst(2)),
            calendarDirectory: ProcessInfo.processInfo.environment["FAZHI_CALENDAR_DIR"] ?? "./calendar"))
}

/// A setting or argument the process cannot start with: one line saying which (in Chinese), exit 1, no backtrace.
func refuseToStart(_ error: any Error) -> Never {
    FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
    exit(1)
}

// `serve --demo`: Vapor's serve command does not know the flag, so take it out here.
var options: AppOptions
do { options = try AppOptions.fromEnvironment() } catch { refuseToStart(error) }
if arguments.count > 1 && arguments[1] == "serve", let i = arguments.firstIndex(of: "--demo") {
    arguments.remove(at: i)
    options.loadDemo = true
}
// Vapor serves when the first argument is an option (`fazhi --port 8080`) — but `--help` only prints the commands:
// it must not migrate a database or load the demo in the folder it is run in.
let asksHelp = arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" }
let isServe = !asksHelp && (arguments.count <= 1 || arguments[1] == "serve" || arguments[1].hasPrefix("-"))

var env: Environment
do { env = try Environment.detect(arguments: arguments) } catch { refuseToStart(error) }
let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info") ?? .info
if ProcessInfo.processInfo.environment["FAZHI_LOG_FORMAT"] == "text" {
    do { try LoggingSystem.bootstrap(from: &env) } catch { refuseToStart(error) }
} else {
    LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
}

let app: Application
do { app = try await Application.make(env) } catch { refuseToStart(error) }
do {
    try await configure(app, options: options)
    if isServe {
        if let logins = try await prepareForServing(app) {
            if logins.isEmpty {
                print("已有数据，未重复载入演示数据。演示账号密码为 \(DemoLogin.password)（如未修改）。")
            } else {
                print("演示数据已载入。演示账号（密码均为 \(DemoLogin.password)）：")
                for l in logins {
                    print("  \(l.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(l.description)")
                }
            }
        }
        print("数据库：\(options.database)；记录签名公钥：\(app.fazhi.recordKey.publicKey.base64)")
        fflush(nil)
    }
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    try? await app.asyncShutdown()
    refuseToStart(error)
}
