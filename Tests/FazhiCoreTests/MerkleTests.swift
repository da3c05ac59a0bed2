import Foundation
import Testing

@testable import FazhiCore

/// RFC 6962 test vectors (certificate-transparency reference implementation, merkle_tree_test).
@Suite("Merkle tree (RFC 6962)")
struct MerkleTests {
    static let inputs = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ]
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    let leaves = MerkleTests.inputs.map { Merkle.leafHash(Hex.decode($0)!) }

    @Test func emptyTree() {
        #expect(Hex.encode(Merkle.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func rootsForEverySize() {
        for n in 1...8 { #expect(Hex.encode(Merkle.root(Array(leaves[0..<n]))) == Self.roots[n - 1], "size \(n)") }
    }

    @Test(arguments: [
        (
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
        (0, 1, []),
    ])
    func inclusionVectors(index: Int, size: Int, path: [String]) {
        let proof = Merkle.inclusionProof(index: index, size: size, leaves: leaves)!
        #expect(proof.map { Hex.encode($0) } == path)
        let root = Hex.decode(Self.roots[size - 1])!
        #expect(
            MerkleVerifier.verifyInclusion(leafHash: leaves[index], index: index, size: size, proof: proof, root: root))
        // A wrong leaf, index or root is refused.
        #expect(
            !MerkleVerifier.verifyInclusion(
                leafHash: leaves[(index + 1) % 8], index: index, size: size, proof: proof, root: root))
        if size > 1 {
            #expect(
                !MerkleVerifier.verifyInclusion(
                    leafHash: leaves[index], index: (index + 1) % size, size: size, proof: proof, root: root))
        }
        #expect(
            !MerkleVerifier.verifyInclusion(
                leafHash: leaves[index], index: index, size: size, proof: proof, root: Merkle.emptyRoot))
    }

    @Test(arguments: [
        (1, 1, [String]()),
        (
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        ),
        (
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        ),
        (
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        ),
    ])
    func consistencyVectors(from m: Int, to n: Int, path: [String]) {
        let proof = Merkle.consistencyProof(from: m, to: n, leaves: leaves)!
        #expect(proof.map { Hex.encode($0) } == path)
        let r1 = Hex.decode(Self.roots[m - 1])!, r2 = Hex.decode(Self.roots[n - 1])!
        #expect(MerkleVerifier.verifyConsistency(from: m, to: n, firstRoot: r1, secondRoot: r2, proof: proof))
        if m != n {
            #expect(!MerkleVerifier.verifyConsistency(from: m, to: n, firstRoot: r2, secondRoot: r1, proof: proof))
        }
    }

    @Test("Every proof for every pair of sizes up to 40 verifies")
    func exhaustiveSmallTrees() {
        let many = (0..<40).map { Merkle.leafHash([UInt8($0)]) }
        for n in 1...40 {
            let root = Merkle.root(Array(many[0..<n]))
            for i in 0..<n {
                let p = Merkle.inclusionProof(index: i, size: n, leaves: many)!
                #expect(MerkleVerifier.verifyInclusion(leafHash: many[i], index: i, size: n, proof: p, root: root))
            }
            for m in 1...n {
                let p = Merkle.consistencyProof(from: m, to: n, leaves: many)!
                #expect(
                    MerkleVerifier.verifyConsistency(
                        from: m, to: n, firstRoot: Merkle.root(Array(many[0..<m])), secondRoot: root, proof: p))
            }
        }
    }

    @Test(
        "The cached tree gives the same roots and proofs as the leaves, for every size up to 70, and refuses the rest")
    func cachedTreeMatchesTheLeaves() {
        let many = (0..<70).map { Merkle.leafHash([UInt8($0)]) }
        var tree = MerkleTree()
        #expect(tree.root(size: 0) == Merkle.emptyRoot)
        for l in many { tree.append(l) }
        for n in 1...70 {
            #expect(tree.root(size: n) == Merkle.root(Array(many[0..<n])), "root \(n)")
            for i in 0..<n {
                #expect(
                    tree.inclusionProof(index: i, size: n) == Merkle.inclusionProof(index: i, size: n, leaves: many))
            }
            for m in 1...n {
                #expect(tree.consistencyProof(from: m, to: n) == Merkle.consistencyProof(from: m, to: n, leaves: many))
            }
        }
        #expect(tree.inclusionProof(index: 70, size: 70) == nil)
        #expect(tree.inclusionProof(index: 0, size: 71) == nil)
        #expect(tree.consistencyProof(from: 0, to: 5) == nil)
        #expect(tree.root(size: 71) == nil)
    }
}
