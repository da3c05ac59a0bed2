// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "fazhi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fazhi", targets: ["fazhi"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        // Already built as Vapor's own dependency; named here for its streaming parser (evidence uploads).
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.2.1"),
    ],
    targets: [
        // Pure domain: calendar, deadlines, record hashing and Merkle proofs. No Vapor, no Fluent.
        .target(
            name: "FazhiCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto")
            ],
            resources: [.copy("Resources/calendar")]
        ),
        // Storage: Fluent models, migrations, repositories (SQLite + PostgreSQL).
        .target(
            name: "FazhiStore",
            dependencies: [
                "FazhiCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Office files: .xlsx in and out, CSV, .docx. Pure Swift plus ZIP (and the core's threads); no Vapor.
        .target(
            name: "FazhiOffice",
            dependencies: ["FazhiCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // HTTP: configure, routes, controllers, middleware, views, commands.
        .target(
            name: "FazhiApp",
            dependencies: [
                "FazhiCore",
                "FazhiStore",
                "FazhiOffice",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "fazhi",
            dependencies: ["FazhiApp"]
        ),
        .testTarget(
            name: "FazhiCoreTests",
            dependencies: ["FazhiCore", "FazhiOffice"]
        ),
        .testTarget(
            name: "FazhiAppTests",
            dependencies: [
                "FazhiApp",
                "FazhiStore",
                "FazhiOffice",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
