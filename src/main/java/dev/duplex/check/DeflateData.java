package dev.duplex.check;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * What the messages of groups 12 and 13 hold, made here from a fixed seed (the same bytes every run): kinds of
 * data like Autobahn's test files (JSON, a bitmap, prose, HTML, an already compressed file), so that the
 * compression ratios differ as theirs do. A message is the next {@code size} bytes of the kind's data,
 * wrapping around, as Autobahn takes them from its files. Text is ASCII only, so any slice is valid UTF-8.
 */
final class DeflateData {
    /** Each kind's data: larger than the largest message, so that messages differ. */
    private static final int LENGTH = 200_000;

    enum Kind {
        JSON("JSON", false), BITMAP("a bitmap", true), PROSE("prose", true), HTML("HTML", false), RANDOM("incompressible", true);

        private final String what;
        private final boolean binary;
        private volatile byte[] data;

        Kind(String what, boolean binary) {
            this.what = what;
            this.binary = binary;
        }

        String what() {
            return what;
        }

        boolean binary() {
            return binary;
        }

        /** The message of {@code size} bytes at {@code from}, wrapping around. */
        byte[] slice(int from, int size) {
            byte[] all = data();
            byte[] m = new byte[size];
            for (int i = 0; i < size; i++) m[i] = all[(from + i) % all.length];
            return m;
        }

        int length() {
            return data().length;
        }

        private byte[] data() {
            byte[] d = data;
            if (d == null) {
                d = make(this);
                data = d;
            }
            return d;
        }
    }

    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from "
            + "at which but have an they you were her she there one all we their can has more when will would who so no "
            + "server message frame window compress socket night garden river letter morning question answer").split(" ");

    private DeflateData() { }

    private static byte[] make(Kind kind) {
        Random r = new Random(7692L + kind.ordinal());
        if (kind == Kind.RANDOM) {
            byte[] b = new byte[LENGTH];
            r.nextBytes(b);
            return b;
        }
        if (kind == Kind.BITMAP) {
            // Grey rows that change slowly, with a little noise: as a scanned picture compresses.
            byte[] b = new byte[LENGTH];
            for (int i = 0; i < b.length; i++) {
                int x = i % 512;
                int y = i / 512;
                b[i] = (byte) ((x * y / 64 + (int) (64 * Math.sin(x / 40.0 + y / 25.0)) + r.nextInt(6)) & 0xff);
            }
            return b;
        }
        StringBuilder t = new StringBuilder(LENGTH + 200);
        int n = 0;
        while (t.length() < LENGTH) {
            String w = WORDS[r.nextInt(WORDS.length)];
            switch (kind) {
                case JSON -> t.append(n == 0 ? "[" : ",").append("{\"id\":").append(n).append(",\"name\":\"").append(w)
                        .append(' ').append(WORDS[r.nextInt(WORDS.length)]).append("\",\"score\":").append(r.nextInt(100_000) / 1000.0)
                        .append(",\"active\":").append(r.nextBoolean()).append(",\"tags\":[\"").append(WORDS[r.nextInt(WORDS.length)])
                        .append("\"]}\n");
                case HTML -> t.append(n % 12 == 0 ? "</p>\n<p class=\"text\">" : "").append(n % 7 == 0 ? "<a href=\"/" + w + ".html\">" + w + "</a>" : w)
                        .append(' ');
                default -> t.append(n % 15 == 0 ? ".\n" + Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(' ');
            }
            n++;
        }
        return t.substring(0, LENGTH).getBytes(StandardCharsets.US_ASCII);
    }
}
