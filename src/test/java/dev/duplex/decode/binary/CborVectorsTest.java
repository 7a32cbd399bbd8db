package dev.duplex.decode.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.duplex.peers.NodeBinaryEncoders;

/**
 * Our CBOR reader on the examples of RFC 8949's appendix A (the indefinite lengths, half floats, big numbers
 * and simple values that cbor-x does not write by default), and on what cbor-x writes for a Date, undefined
 * and BigInts: the parts of CBOR that the shared fixtures do not reach.
 */
class CborVectorsTest {
    private static String read(String hex) throws Unreadable {
        return Trees.compact(CborReader.read(HexFormat.of().parseHex(hex), 1000));
    }

    @Test
    void theRfcsExamplesRead() throws Exception {
        assertEquals("h'0102030405'", read("5f42010243030405ff"));
        assertEquals("\"streaming\"", read("7f657374726561646d696e67ff"));
        assertEquals("[1,[2,3],[4,5]]", read("9f018202039f0405ffff"));
        assertEquals("{\"a\":1,\"b\":[2,3]}", read("bf61610161629f0203ffff"));
        assertEquals("[\"a\",{\"b\":\"c\"}]", read("826161bf61626163ff"));
        assertEquals("{\"1\":2,\"3\":4}", read("a201020304"));
        assertEquals("1", read("f93c00"));
        assertEquals("65504", read("f97bff"));
        assertEquals("5.9604645E-8", read("f90001"));
        assertEquals("-4", read("f9c400"));
        assertEquals("Infinity", read("f97c00"));
        assertEquals("1.1", read("fb3ff199999999999a"));
        assertEquals("18446744073709551615", read("1bffffffffffffffff"));
        assertEquals("18446744073709551616", read("c249010000000000000000"));
        assertEquals("-18446744073709551616", read("3bffffffffffffffff"));
        assertEquals("-18446744073709551617", read("c349010000000000000000"));
        assertEquals("\"2013-03-21T20:04:00Z\"", read("c11a514b67b0"));
        assertEquals("simple(16)", read("f0"));
        assertEquals("simple(255)", read("f8ff"));
        assertEquals("undefined", read("f7"));
        assertEquals("\"\u00fc\"", read("62c3bc"));
    }

    @Test
    void notWellFormedBytesAreRefused() {
        // From RFC 8949 appendix F: reserved additional information, a lone break, a break in a definite array,
        // a chunk of another type in an indefinite string, and a two-byte simple value under 32.
        for (String hex : new String[] {"1c", "ff", "81ff", "5f6161ff", "f818", "62c3"}) {
            assertThrows(Unreadable.class, () -> read(hex), hex);
        }
    }

    @Test
    void whatCborXWritesForDatesUndefinedAndBigIntsReads() throws Exception {
        assertEquals("{\"when\":\"2023-11-14T22:13:20Z\"}",
                Trees.compact(CborReader.read(NodeBinaryEncoders.cborX("{ when: new Date(1700000000000) }"), 100)));
        assertEquals("[undefined,1180591620717411303424,-1180591620717411303424,0.5,100000.25,9223372036854775808]",
                Trees.compact(CborReader.read(NodeBinaryEncoders.cborX("[undefined, 2n ** 70n, -(2n ** 70n), 0.5, 100000.25, 2n ** 63n]"), 100)));
    }
}
