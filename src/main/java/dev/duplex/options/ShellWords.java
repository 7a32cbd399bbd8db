package dev.duplex.options;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as a POSIX shell (bash) would, for what browsers put on the clipboard:
 * 'single quotes' taken as they are, "double quotes" with their backslash escapes, bash's $'…' with its
 * C escapes (Chrome writes those when a value holds a quote or a control character), a backslash before any
 * other character, and a backslash at the end of a line joining the next. No expansion of any kind: a $ or
 * a * is just a character, as it was meant in the copied request.
 */
public final class ShellWords {
    /** Why the text is not a command line: a quote left open. */
    public static final class Unclosed extends Exception {
        final char quote;

        Unclosed(char quote) {
            super("unclosed " + quote);
            this.quote = quote;
        }
    }

    private ShellWords() { }

    public static List<String> split(String line) throws Unclosed {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = line.charAt(++i);
                if (next == '\r' && i + 1 < n && line.charAt(i + 1) == '\n') i++;
                if (next == '\n' || next == '\r') continue; // a continued line
                word.append(next);
                inWord = true;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new Unclosed('\'');
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '\'') {
                i = ansiC(line, i + 2, word);
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** From after the opening quote; returns the index of the closing one. */
    private static int doubleQuoted(String s, int i, StringBuilder out) throws Unclosed {
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') return i;
            if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                char next = s.charAt(++i);
                if (next != '\n') out.append(next);
            } else {
                out.append(c);
            }
        }
        throw new Unclosed('"');
    }

    /**
     * bash's $'…': from after the quote; returns the index of the closing one. Its \xHH and octal escapes
     * are bytes (browsers write UTF-8 text through them one byte at a time): a run of them is decoded as
     * UTF-8 when it ends.
     */
    private static int ansiC(String s, int i, StringBuilder out) throws Unclosed {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' ) {
                flush(bytes, out);
                return i;
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                int digits = e == 'x' ? hexDigits(s, i + 2, 2) : e >= '0' && e <= '7' ? octalDigits(s, i + 1) : 0;
                if (digits > 0) {
                    int from = e == 'x' ? i + 2 : i + 1;
                    bytes.write(Integer.parseInt(s.substring(from, from + digits), e == 'x' ? 16 : 8) & 0xFF);
                    i = from + digits - 1;
                    continue;
                }
            }
            flush(bytes, out);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'u', 'U' -> {
                    int d = hexDigits(s, i + 1, e == 'u' ? 4 : 8);
                    if (d == 0) out.append('\\').append(e);
                    else out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + d), 16));
                    i += d;
                }
                default -> out.append(e); // \\ \' \" \? and any other: the character itself
            }
        }
        throw new Unclosed('\'');
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) return;
        out.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        bytes.reset();
    }

    private static int hexDigits(String s, int i, int max) {
        int n = 0;
        while (i + n < s.length() && n < max && Character.digit(s.charAt(i + n), 16) >= 0) n++;
        return n;
    }

    private static int octalDigits(String s, int i) {
        int n = 0;
        while (i + n < s.length() && n < 3 && s.charAt(i + n) >= '0' && s.charAt(i + n) <= '7') n++;
        return n;
    }
}
