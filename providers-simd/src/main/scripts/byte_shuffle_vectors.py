#!/usr/bin/env python3
"""Writes the Wide and Narrow loops of ByteShuffleVectors.java (providers-simd), unrolled by
element size: C2 keeps vectors in registers only as locals, so each loop names its vectors.

    python3 providers-simd/src/main/scripts/byte_shuffle_vectors.py > ByteShuffleVectors.java.new
    mv ByteShuffleVectors.java.new providers-simd/src/main/java/dev/arsenal/providers/simd/compression/ByteShuffleVectors.java
    mvn -q spotless:apply -pl providers-simd

Change the loops here, never in the Java file, so that the two shapes stay alike.
"""
SIZES = [2, 4, 8, 16]

def stages(e):
    d = e // 2
    out = []
    while d >= 1:
        out.append(d)
        d //= 2
    return out

def pairs(e, d):
    return [(k, k + d) for k in range(e) if (k & d) == 0]

def transpose(e, ind, prefix_in):
    """Statements of the block transpose; returns (lines, final variable prefix)."""
    lines = []
    cur = prefix_in
    names = "wxyz"
    for si, d in enumerate(stages(e)):
        nxt = names[si]
        lines.append(f"// stage d = {d}: swap the off-diagonal blocks of {d} group" + ("s" if d > 1 else "") + f" between vectors k and k + {d}")
        for a, b in pairs(e, d):
            lines.append(f"ByteVector {nxt}{a} = lo{d}.selectFrom({cur}{a}, {cur}{b});")
            lines.append(f"ByteVector {nxt}{b} = hi{d}.selectFrom({cur}{a}, {cur}{b});")
        cur = nxt
    return lines, cur

def shape(name, bits, doc, SIZES):
    L = []
    w = L.append
    w(f"    /** {doc} */")
    w(f"    static final class {name} {{")
    w(f"        private static final VectorSpecies<Byte> B = ByteVector.SPECIES_{bits};")
    w(f"        private static final int VL = {bits // 8};")
    for e in SIZES:
        w(f"        private static final VectorShuffle<Byte> GATHER{e} = VectorShuffle.fromArray(B, gather(VL, {e}), 0);")
        w(f"        private static final VectorShuffle<Byte> SCATTER{e} = VectorShuffle.fromArray(B, scatter(VL, {e}), 0);")
        for d in stages(e):
            w(f"        private static final ByteVector E{e}_LO{d} = ByteVector.fromArray(B, swapLow(VL, {e}, {d}), 0);")
            w(f"        private static final ByteVector E{e}_HI{d} = ByteVector.fromArray(B, swapHigh(VL, {e}, {d}), 0);")
    w("")
    w(f"        private {name}() {{}}")
    for e in SIZES:
        for direction in ("shuffle", "unshuffle"):
            w("")
            if direction == "shuffle":
                w(f"        /** {{@link ByteShuffle#shuffle}} of whole blocks of VL {e}-byte elements; returns the elements done. */")
            else:
                w(f"        /** {{@link ByteShuffle#unshuffle}} of whole blocks of VL {e}-byte elements; returns the elements done. */")
            w(f"        static int {direction}{e}(byte[] src, int srcOffset, byte[] dst, int dstOffset, int n) {{")
            for d in stages(e):
                w(f"            ByteVector lo{d} = E{e}_LO{d};")
                w(f"            ByteVector hi{d} = E{e}_HI{d};")
            w(f"            int end = n - n % VL;")
            w(f"            for (int i = 0; i < end; i += VL) {{")
            body = []
            if direction == "shuffle":
                body.append(f"int in = srcOffset + i * {e};")
                for k in range(e):
                    off = (f" + {k} * VL" if k > 1 else " + VL") if k else ""
                    body.append(f"ByteVector v{k} = ByteVector.fromArray(B, src, in{off}).rearrange(GATHER{e});")
                t, cur = transpose(e, None, "v")
                body += t
                body.append(f"int out = dstOffset + i;")
                for j in range(e):
                    off = (f" + {j} * n" if j > 1 else " + n") if j else ""
                    body.append(f"{cur}{j}.intoArray(dst, out{off});")
            else:
                body.append(f"int in = srcOffset + i;")
                for j in range(e):
                    off = (f" + {j} * n" if j > 1 else " + n") if j else ""
                    body.append(f"ByteVector v{j} = ByteVector.fromArray(B, src, in{off});")
                t, cur = transpose(e, None, "v")
                body += t
                body.append(f"int out = dstOffset + i * {e};")
                for k in range(e):
                    off = (f" + {k} * VL" if k > 1 else " + VL") if k else ""
                    body.append(f"{cur}{k}.rearrange(SCATTER{e}).intoArray(dst, out{off});")
            for s in body:
                w("                " + s)
            w("            }")
            w("            return end;")
            w("        }")
    w("    }")
    return "\n".join(L)

import pathlib
import sys

# The hand-written head of the Java file (package, imports, class comment, the index tables) is
# kept; everything from the Wide class on is generated.
JAVA = pathlib.Path(__file__).resolve().parents[1] / "java/dev/arsenal/providers/simd/compression/ByteShuffleVectors.java"
MARK = "    /** Blocks of 64 elements in 512-bit vectors"
text = JAVA.read_text()
if MARK not in text:
    sys.exit("no '" + MARK.strip() + "' in " + str(JAVA))
HEAD = text[: text.index(MARK)]
TAIL = "}"
print(HEAD + shape("Wide", 512, "Blocks of 64 elements in 512-bit vectors; elements of 2, 4, 8 and 16 bytes.", [2, 4, 8, 16]) + "\n\n" +
      shape("Narrow", 256, "Blocks of 32 elements in 256-bit vectors; elements of 2, 4 and 8 bytes (see the class comment for 16).", [2, 4, 8]) + "\n" + TAIL)
