package dev.ratchet.model;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a tiny GGUF v3 model with random weights: llama architecture, 32-wide embeddings, 4 heads,
 * 2 layers, and a SentencePiece-style vocabulary of 3 control tokens plus the 256 byte tokens (so
 * any text tokenizes by byte fallback). About 150 KB; it talks nonsense, but through llama.cpp's
 * real loader, tokenizer, chat template, sampler and grammar.
 */
final class TinyGguf {

    private static final int EMBED = 32;
    private static final int HEADS = 4;
    private static final int FEED_FORWARD = 64;
    private static final int LAYERS = 2;
    private static final int CONTEXT = 512;
    private static final int ALIGN = 32;

    private static final int TYPE_U32 = 4;
    private static final int TYPE_I32 = 5;
    private static final int TYPE_F32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;

    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;

    private TinyGguf() {}

    static void write(Path file, long seed) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(TOKEN_UNKNOWN, TOKEN_CONTROL, TOKEN_CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(TOKEN_BYTE);
        }
        Map<String, long[]> tensors = tensors(tokens.size());
        Header h = new Header();
        h.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        h.u32(3);
        h.u64(tensors.size());
        h.u64(14);
        h.string("general.architecture", "llama");
        h.string("general.name", "tiny-random");
        h.u32("llama.context_length", CONTEXT);
        h.u32("llama.embedding_length", EMBED);
        h.u32("llama.block_count", LAYERS);
        h.u32("llama.feed_forward_length", FEED_FORWARD);
        h.u32("llama.attention.head_count", HEADS);
        h.u32("llama.attention.head_count_kv", HEADS);
        h.u32("llama.rope.dimension_count", EMBED / HEADS);
        h.key("llama.attention.layer_norm_rms_epsilon");
        h.u32(TYPE_F32);
        h.f32(1e-5f);
        h.string("tokenizer.ggml.model", "llama");
        h.key("tokenizer.ggml.tokens");
        h.u32(TYPE_ARRAY);
        h.u32(TYPE_STRING);
        h.u64(tokens.size());
        tokens.forEach(h::str);
        h.key("tokenizer.ggml.scores");
        h.u32(TYPE_ARRAY);
        h.u32(TYPE_F32);
        h.u64(tokens.size());
        tokens.forEach(t -> h.f32(0f));
        h.key("tokenizer.ggml.token_type");
        h.u32(TYPE_ARRAY);
        h.u32(TYPE_I32);
        h.u64(types.size());
        types.forEach(h::u32);
        long offset = 0;
        for (Map.Entry<String, long[]> t : tensors.entrySet()) {
            h.str(t.getKey());
            h.u32(t.getValue().length);
            for (long d : t.getValue()) {
                h.u64(d);
            }
            h.u32(0); // F32
            h.u64(offset);
            offset = align(offset + 4 * count(t.getValue()));
        }
        while (h.out.size() % ALIGN != 0) {
            h.out.write(0);
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(h.out.toByteArray());
            for (Map.Entry<String, long[]> t : tensors.entrySet()) {
                long n = count(t.getValue());
                boolean norm = t.getKey().endsWith("norm.weight");
                ByteBuffer data = ByteBuffer.allocate((int) align(4 * n)).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < n; i++) {
                    data.putFloat(norm ? 1f : (float) (random.nextGaussian() * 0.5));
                }
                out.write(data.array());
            }
        }
    }

    /** Tensor names and shapes as llama.cpp's llama loader expects them (innermost dimension first). */
    private static Map<String, long[]> tensors(int vocab) {
        Map<String, long[]> t = new LinkedHashMap<>();
        t.put("token_embd.weight", new long[] {EMBED, vocab});
        t.put("output_norm.weight", new long[] {EMBED});
        t.put("output.weight", new long[] {EMBED, vocab});
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            t.put(p + "attn_norm.weight", new long[] {EMBED});
            t.put(p + "attn_q.weight", new long[] {EMBED, EMBED});
            t.put(p + "attn_k.weight", new long[] {EMBED, EMBED});
            t.put(p + "attn_v.weight", new long[] {EMBED, EMBED});
            t.put(p + "attn_output.weight", new long[] {EMBED, EMBED});
            t.put(p + "ffn_norm.weight", new long[] {EMBED});
            t.put(p + "ffn_gate.weight", new long[] {EMBED, FEED_FORWARD});
            t.put(p + "ffn_down.weight", new long[] {FEED_FORWARD, EMBED});
            t.put(p + "ffn_up.weight", new long[] {EMBED, FEED_FORWARD});
        }
        return t;
    }

    private static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    private static long align(long x) {
        return (x + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** The header and metadata, little-endian. */
    private static final class Header {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void bytes(byte[] b) {
            out.write(b, 0, b.length);
        }

        void u32(long v) {
            bytes(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) v)
                    .array());
        }

        void u32(Integer v) {
            u32(v.longValue());
        }

        void u64(long v) {
            bytes(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(v)
                    .array());
        }

        void f32(float v) {
            bytes(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(v)
                    .array());
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void key(String k) {
            str(k);
        }

        void string(String k, String v) {
            key(k);
            u32(TYPE_STRING);
            str(v);
        }

        void u32(String k, int v) {
            key(k);
            u32(TYPE_U32);
            u32((long) v);
        }
    }
}
