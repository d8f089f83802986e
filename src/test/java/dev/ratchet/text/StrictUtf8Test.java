package dev.ratchet.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static UndecodableTextException refused(byte[] bytes) {
        return assertThrows(UndecodableTextException.class, () -> StrictUtf8.decode(bytes, "f.txt"));
    }

    @Test
    void everyScriptAndAnEmojiDecode() {
        String text = "é, ß, 日本, हिंदी, 😀\nsecond line\n";
        assertEquals(text, StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8), "f.txt"));
    }

    @Test
    void aLatin1ByteIsNamedWithItsLineAndOffset() {
        UndecodableTextException e = refused("ab\ncd\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(9, e.offset());
        assertEquals(3, e.line());
        assertEquals("f.txt:3: not valid UTF-8: byte 0xE9 at offset 9 (save the file as UTF-8)", e.getMessage());
    }

    @Test
    void aSequenceCutShortAtTheEndOfTheFile() {
        assertEquals(2, refused(bytes('o', 'k', 0xE2, 0x82)).offset());
    }

    @Test
    void overlongEncodingsAndEncodedSurrogatesAreNotUtf8() {
        assertEquals(1, refused(bytes('a', 0xC0, 0x80)).offset());
        assertEquals(0, refused(bytes(0xED, 0xA0, 0x80)).offset());
    }

    @Test
    void aNulByteMarksABinaryFile() {
        UndecodableTextException e = refused(bytes('a', '\n', 'b', 0, 'c'));
        assertEquals(3, e.offset());
        assertEquals("f.txt:2: byte 0x00 at offset 3: a binary file, not text", e.getMessage());
    }

    @Test
    void theFirstBadByteIsReportedWhenThereAreSeveral() {
        assertEquals(1, refused(bytes('a', 0xFF, 0, 0xFE)).offset());
    }
}
