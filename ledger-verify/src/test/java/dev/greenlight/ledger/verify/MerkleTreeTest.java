package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Merkle tree must be RFC 6962 / 9162 exactly, or a third-party auditor's proofs will not check.
 * Vectors: the 8-leaf set of the Certificate Transparency implementations
 * (transparency-dev/merkle testonly/constants.go and reference_test.go).
 */
class MerkleTreeTest {

    private static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** Roots for tree sizes 0..8. */
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leafHash(Sha256.unhex(LEAF_INPUTS[i])));
        }
        return leaves;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Sha256::hex).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void rootMatchesTheVectorForEverySize(int size) {
        assertThat(Sha256.hex(MerkleTree.root(leaves(size)))).isEqualTo(ROOTS[size]);

        CompactRange range = new CompactRange();
        leaves(size).forEach(range::appendLeafHash);
        assertThat(Sha256.hex(range.root())).as("incremental root").isEqualTo(ROOTS[size]);
    }

    static List<Arguments> inclusionVectors() {
        return List.of(
                Arguments.of(0, 1, List.of()),
                Arguments.of(0, 2, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7")),
                Arguments.of(1, 2, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")),
                Arguments.of(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusionProofMatchesTheVector(int index, int size, List<String> expected) {
        assertThat(hex(MerkleTree.inclusionProof(leaves(8), index, size))).isEqualTo(expected);
    }

    static List<Arguments> consistencyVectors() {
        return List.of(
                Arguments.of(1, 1, List.of()),
                Arguments.of(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistencyProofMatchesTheVector(int first, int second, List<String> expected) {
        assertThat(hex(MerkleTree.consistencyProof(leaves(8), first, second))).isEqualTo(expected);
    }

    @Test
    void everyInclusionProofOfSizes1To8VerifiesAgainstTheVectorRootAndNoOther() {
        List<byte[]> leaves = leaves(8);
        for (int size = 1; size <= 8; size++) {
            byte[] root = Sha256.unhex(ROOTS[size]);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root))
                        .as("leaf %d in size %d", index, size).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get((index + 1) % 8), proof, root))
                        .as("wrong leaf %d in size %d", index, size).isFalse();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof,
                        Sha256.unhex(ROOTS[size - 1]))).as("wrong root").isFalse();
                if (size > 1) {
                    assertThat(MerkleProofs.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root))
                            .as("wrong index").isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenSizes1To8VerifiesAgainstTheVectorRootsAndNoOthers() {
        List<byte[]> leaves = leaves(8);
        for (int second = 1; second <= 8; second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                byte[] firstRoot = Sha256.unhex(ROOTS[first]);
                byte[] secondRoot = Sha256.unhex(ROOTS[second]);
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first < second) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, Sha256.unhex(ROOTS[first - 1]),
                            secondRoot, proof)).as("wrong first root %d -> %d", first, second).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot,
                            Sha256.unhex(ROOTS[second - 1]), proof)).as("wrong second root").isFalse();
                }
            }
        }
    }

    @Test
    void incrementalRootAgreesWithTheRecursiveDefinitionOnLargeTrees() {
        List<byte[]> leaves = new ArrayList<>();
        CompactRange range = new CompactRange();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)});
            leaves.add(leaf);
            range.appendLeafHash(leaf);
            assertThat(range.root()).isEqualTo(MerkleTree.root(leaves));
        }
    }
}
