package dev.arsenal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads {@code arsenal.properties} as the JDK has read a resource bundle's properties file since
 * Java 9 (JEP 226, {@code PropertyResourceBundle}): as UTF-8, and if the bytes are not UTF-8, again
 * as ISO-8859-1, the encoding {@link Properties#load(java.io.InputStream)} has always used. Either
 * way the {@code .properties} syntax applies, its escapes included.
 *
 * <p>Why both: an editor today saves UTF-8, and a file written for {@code Properties.load} is ASCII
 * with escapes, which reads the same in both; only a file with ISO-8859-1 bytes above 0x7F needs the
 * second reading, and such bytes almost never happen to form valid UTF-8. The fallback is not silent:
 * it is a {@linkplain Configuration#warnings() warning} naming the file, the line and the byte, shown
 * by {@code arsenal info}. Before, the first such byte failed every command with the decoder's
 * "Input length = 1".
 *
 * <p>What cannot be read at all (an I/O error, a malformed {@code \}{@code uXXXX} escape) is a
 * {@link ConfigurationException} naming the file and, for an escape, the line.
 */
final class PropertiesFile {
    private PropertiesFile() {}

    /**
     * The properties in {@code file}; a warning is added to {@code warnings} when the file is not
     * UTF-8 and was read as ISO-8859-1.
     *
     * @throws ConfigurationException if the file cannot be read or has a malformed escape
     */
    static Properties read(Path file, List<String> warnings) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file '" + file + "': " + describe(e), e);
        }
        String text;
        CharBuffer utf8 = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, utf8, true);
        if (!result.isError()) {
            result = decoder.flush(utf8);
        }
        if (result.isError()) {
            int at = in.position();
            warnings.add(String.format(
                    Locale.ROOT,
                    "configuration file '%s', line %d, column %d: byte 0x%02X is not UTF-8; the file was read as"
                            + " ISO-8859-1 (as Properties.load reads an InputStream): save it as UTF-8, or write"
                            + " non-ASCII characters as \\uXXXX escapes",
                    file,
                    line(bytes, at),
                    column(bytes, at),
                    bytes[at] & 0xFF));
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        } else {
            text = utf8.flip().toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte order mark some editors write; not part of the first key
            }
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            // Properties names neither the line nor the escape.
            throw new ConfigurationException(
                    "configuration file '" + file + "'" + malformedEscape(text) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssertionError("a StringReader does not fail", e);
        }
        return properties;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The line (from 1) of the byte at {@code offset}. */
    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The column (from 1, in bytes) of the byte at {@code offset}. */
    private static int column(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return offset - start + 1;
    }

    /**
     * ", line N: 'ESCAPE'" for the first {@code \}{@code u} escape not followed by four hex digits,
     * outside comment lines (which {@code Properties} skips); empty if none is found.
     */
    static String malformedEscape(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n];
            String head = l.stripLeading();
            if (head.startsWith("#") || head.startsWith("!")) {
                continue;
            }
            for (int i = 0; i < l.length() - 1; i++) {
                if (l.charAt(i) != '\\') {
                    continue;
                }
                if (l.charAt(i + 1) == 'u' && !hex4(l, i + 2)) {
                    return ", line " + (n + 1) + ": '" + l.substring(i, Math.min(l.length(), i + 6)) + "'";
                }
                i++; // an escaped character, a backslash among them
            }
        }
        return "";
    }

    private static boolean hex4(String s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
