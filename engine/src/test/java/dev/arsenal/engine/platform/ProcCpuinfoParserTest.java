package dev.arsenal.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProcCpuinfoParser} on recorded {@code /proc/cpuinfo} samples. */
class ProcCpuinfoParserTest {
    static String sample(String name) throws IOException {
        try (InputStream in = ProcCpuinfoParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void x86WithAvx512() throws IOException {
        ProcCpuinfoParser.Result r = ProcCpuinfoParser.parse(sample("cpuinfo-x86-avx512.txt"));
        assertEquals("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", r.model());
        assertTrue(r.features().containsAll(List.of("sse2", "sse4_2", "avx", "avx2", "avx512f", "avx512bw", "sha_ni")));
        assertEquals(64, r.cacheAlignment());
        assertEquals("fpu", r.features().get(0), "order as printed");
        assertFalse(r.features().contains("only_in_second_block"), "only the first processor block is read");
    }

    @Test
    void x86WithoutAvx512() throws IOException {
        ProcCpuinfoParser.Result r = ProcCpuinfoParser.parse(sample("cpuinfo-x86-avx2.txt"));
        assertEquals("AMD EPYC 7R13 Processor", r.model());
        assertTrue(r.features().containsAll(List.of("sse2", "sse4_2", "avx2", "bmi2", "aes", "sha_ni", "vaes")));
        assertTrue(
                r.features().stream().noneMatch(f -> f.startsWith("avx512")),
                r.features().toString());
        assertFalse(r.features().contains("only_in_second_block"));
    }

    @Test
    void aarch64NeoverseN1() throws IOException {
        ProcCpuinfoParser.Result r = ProcCpuinfoParser.parse(sample("cpuinfo-aarch64-neoverse-n1.txt"));
        assertEquals("ARM Neoverse N1", r.model(), "named from implementer 0x41, part 0xd0c of the first block");
        assertEquals(
                List.of(
                        "fp",
                        "asimd",
                        "evtstrm",
                        "aes",
                        "pmull",
                        "sha1",
                        "sha2",
                        "crc32",
                        "atomics",
                        "fphp",
                        "asimdhp",
                        "cpuid",
                        "asimdrdm",
                        "lrcpc",
                        "dcpop",
                        "asimddp",
                        "ssbs"),
                r.features());
    }

    @Test
    void toleratesOddSpacingCaseAndDuplicates() {
        String text =
                "\n\nprocessor\t: 0\r\nmodel name : Some CPU  \r\nflags\t\t: SSE2  sse2 pti        vmmcall\t\r\n\n";
        ProcCpuinfoParser.Result r = ProcCpuinfoParser.parse(text);
        assertEquals("Some CPU", r.model());
        assertEquals(List.of("sse2", "pti", "vmmcall"), r.features());
    }

    @Test
    void emptyOrUnrelatedText() {
        assertEquals(new ProcCpuinfoParser.Result("", List.of(), 0), ProcCpuinfoParser.parse(""));
        assertEquals(new ProcCpuinfoParser.Result("", List.of(), 0), ProcCpuinfoParser.parse("no colon here\n:\n"));
    }

    @Test
    void armModels() {
        assertEquals("ARM Neoverse V1", ProcCpuinfoParser.armModel("0x41", "0xd40"));
        assertEquals("ARM Neoverse V2", ProcCpuinfoParser.armModel("0x41", "0xd4f"));
        assertEquals("Apple M1 Firestorm", ProcCpuinfoParser.armModel("0x61", "0x023"));
        assertEquals("Ampere AmpereOne", ProcCpuinfoParser.armModel("0xc0", "0xac3"));
        assertEquals("ARM part 0xd99", ProcCpuinfoParser.armModel("0x41", "0xD99"));
        assertEquals("implementer 0x99 part 0x001", ProcCpuinfoParser.armModel("0x99", "0x001"));
        assertEquals("ARM", ProcCpuinfoParser.armModel("0x41", ""));
        assertEquals("implementer zz part ??", ProcCpuinfoParser.armModel("zz", "??"));
    }
}
