package dev.arsenal.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arsenal.spi.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arsenal keygen}, {@code sign} and {@code verify} against {@code openssl}: keys either one
 * makes the other reads, signatures either one makes the other verifies (Ed25519 is deterministic,
 * so the two sign to the same bytes), and the refusals: a private key readable by its owner only,
 * an existing file kept without {@code -f}, malformed keys and signatures (status 4), a signature
 * not written to a terminal.
 */
class KeyCommandsTest {
    @TempDir
    Path dir;

    record Run(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Run run(Terminals terminals, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminals);
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Terminals.NONE, new byte[0], args);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void keysMadeHereAreReadByOpensslAndSignaturesVerifyThere() throws Exception {
        ReferenceTools.assumeCommand("openssl");
        Run keygen = run("keygen", "ed25519", "-o", path("k.pem"));
        assertEquals(Main.OK, keygen.status(), keygen.err());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(dir.resolve("k.pem")));
        String publicPem = Files.readString(dir.resolve("k.pub.pem"));
        assertEquals(publicPem.strip(), ReferenceTools.run(dir, "openssl", "pkey", "-in", "k.pem", "-pubout"));
        byte[] message = HashCommandTest.random(100_000, 5);
        Files.write(dir.resolve("m"), message);
        Run sign = run("sign", "-k", path("k.pem"), path("m"));
        assertEquals(Main.OK, sign.status(), sign.err());
        assertEquals(64, sign.out().length);
        Files.write(dir.resolve("m.sig"), sign.out());
        ReferenceTools.run(
                dir,
                "openssl",
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "k.pub.pem",
                "-rawin",
                "-in",
                "m",
                "-sigfile",
                "m.sig");
        ReferenceTools.run(
                dir, "openssl", "pkeyutl", "-sign", "-inkey", "k.pem", "-rawin", "-in", "m", "-out", "o.sig");
        assertArrayEquals(Files.readAllBytes(dir.resolve("o.sig")), sign.out(), "Ed25519 is deterministic");
    }

    @Test
    void keysMadeByOpensslSignHereAndItsSignaturesVerifyHere() throws Exception {
        ReferenceTools.assumeCommand("openssl");
        ReferenceTools.run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "o.pem");
        ReferenceTools.run(dir, "openssl", "pkey", "-in", "o.pem", "-pubout", "-out", "o.pub.pem");
        byte[] message = HashCommandTest.random(3000, 6);
        Files.write(dir.resolve("m"), message);
        ReferenceTools.run(
                dir, "openssl", "pkeyutl", "-sign", "-inkey", "o.pem", "-rawin", "-in", "m", "-out", "m.sig");
        Run ok = run("verify", "-k", path("o.pub.pem"), "-s", path("m.sig"), path("m"));
        assertEquals(Main.OK, ok.status(), ok.err());
        assertEquals(path("m") + ": OK", ok.text().strip());
        Run fromPrivate = run(Terminals.NONE, message, "verify", "-k", path("o.pem"), "-s", path("m.sig"));
        assertEquals(Main.OK, fromPrivate.status(), "the private key's public key, the message on stdin");
        Run sign = run("sign", "-k", path("o.pem"), path("m"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("m.sig")), sign.out());
        message[1234] ^= 1;
        Files.write(dir.resolve("m"), message);
        Run bad = run("verify", "-k", path("o.pub.pem"), "-s", path("m.sig"), path("m"));
        assertEquals(Main.PARTIAL, bad.status());
        assertEquals(path("m") + ": FAILED", bad.text().strip());
    }

    @Test
    void x25519KeysAreOpensslsToo() throws Exception {
        ReferenceTools.assumeCommand("openssl");
        Run keygen = run("keygen", "x25519", "-o", path("x.pem"));
        assertEquals(Main.OK, keygen.status(), keygen.err());
        assertEquals(
                Files.readString(dir.resolve("x.pub.pem")).strip(),
                ReferenceTools.run(dir, "openssl", "pkey", "-in", "x.pem", "-pubout"));
        Run stdout = run("keygen", "x25519");
        assertTrue(stdout.text().startsWith("-----BEGIN PRIVATE KEY-----\n"), stdout.text());
    }

    @Test
    void refusals() throws Exception {
        Files.writeString(dir.resolve("k.pem"), "mine");
        Run kept = run("keygen", "ed25519", "-o", path("k.pem"));
        assertEquals(Main.PARTIAL, kept.status());
        assertTrue(kept.err().contains("already exists"), kept.err());
        assertEquals("mine", Files.readString(dir.resolve("k.pem")));
        assertEquals(
                Main.OK, run("keygen", "ed25519", "-o", path("k.pem"), "-f").status());
        assertFalse(Files.readString(dir.resolve("k.pem")).equals("mine"));

        Files.writeString(dir.resolve("m"), "message");
        Run notPem = run("sign", "-k", path("m"), path("m"));
        assertEquals(Main.BAD_INPUT, notPem.status());
        assertTrue(notPem.err().contains("no -----BEGIN line"), notPem.err());

        assertEquals(Main.OK, run("keygen", "x25519", "-o", path("x.pem")).status());
        Run x = run("sign", "-k", path("x.pem"), path("m"));
        assertEquals(Main.BAD_INPUT, x.status());
        assertTrue(x.err().contains("an X25519 private key, not an Ed25519 private key"), x.err());

        Files.write(dir.resolve("short.sig"), new byte[63]);
        Run shortSignature = run("verify", "-k", path("k.pub.pem"), "-s", path("short.sig"), path("m"));
        assertEquals(Main.BAD_INPUT, shortSignature.status());
        assertTrue(shortSignature.err().contains("63 bytes"), shortSignature.err());

        Run terminal = run(new Terminals(false, true, false), new byte[0], "sign", "-k", path("k.pem"), path("m"));
        assertEquals(Main.USAGE, terminal.status());
        assertEquals(0, terminal.out().length);

        Run missing = run("sign", "-k", path("k.pem"), path("nothing"));
        assertEquals(Main.PARTIAL, missing.status());
        assertTrue(missing.err().contains("nothing"), missing.err());
        assertEquals(Main.USAGE, run("keygen", "ed448").status());
        assertEquals(Main.USAGE, run("verify", "-k", path("k.pem")).status());
    }
}
