package dev.arsenal.launcher;

import dev.arsenal.Arsenal;
import dev.arsenal.ArsenalRuntime;
import dev.arsenal.Configuration;
import dev.arsenal.crypto.CryptoView;
import dev.arsenal.crypto.CurveAlgorithm;
import dev.arsenal.crypto.CurveKey;
import dev.arsenal.crypto.CurveKeyPair;
import dev.arsenal.crypto.CurvePrivateKey;
import dev.arsenal.crypto.CurvePublicKey;
import dev.arsenal.crypto.KeyAgreementAlgorithm;
import dev.arsenal.crypto.SignatureAlgorithm;
import dev.arsenal.crypto.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.InvalidKeySpecException;
import java.util.List;

/**
 * {@code arsenal keygen}, {@code sign} and {@code verify}: Ed25519 (and X25519 keys) with files as
 * {@code openssl} reads and writes them. Keys are PEM, PKCS#8 for private keys and X.509 for
 * public ones ({@code openssl genpkey -algorithm ed25519}, {@code openssl pkey -pubout}); a
 * signature is its 64 raw bytes ({@code openssl pkeyutl -sign -rawin}). Ed25519 signs a message
 * held whole (RFC 8032's pure form has no streaming), so a file is read into memory, up to 2 GiB.
 */
final class KeyCommands {
    static final String KEYGEN_USAGE = """
            usage: arsenal keygen ed25519|x25519 [-o KEY.pem [-f]] [--provider ID]

            Makes a private key and writes it in PEM (PKCS#8, as openssl genpkey writes it) to
            stdout, or with -o to KEY.pem, readable by its owner only, and the public key (X.509 PEM,
            as openssl pkey -pubout writes it) beside it, to KEY.pub.pem.

              -o, --output KEY.pem     the private key's file; the public key goes to KEY.pub.pem
              -f, --force              replace existing files
              --provider ID            derive the public key with this provider only

            Exit status: 0 written; 1 a file could not be written; 2 usage.""";

    static final String SIGN_USAGE = """
            usage: arsenal sign -k KEY.pem [--provider ID] [FILE]

            Writes the Ed25519 signature of FILE (or stdin, or '-') to stdout: 64 raw bytes, as
            openssl pkeyutl -sign -rawin writes them (redirect them: > FILE.sig). The message is read
            whole (pure Ed25519 has no streaming form), up to 2 GiB.

              -k, --key KEY.pem        the private key, PEM (PKCS#8, as openssl genpkey writes it)
              --provider ID            sign with this provider only ('arsenal info' lists them)

            Exit status: 0 signed; 1 a file could not be read or stdout failed; 2 usage; 4 the key
            is not an Ed25519 private key in PEM.""";

    static final String VERIFY_USAGE = """
            usage: arsenal verify -k KEY.pem -s FILE.sig [--provider ID] [FILE]

            Checks that FILE.sig (64 raw bytes) is the Ed25519 signature of FILE (or stdin) under
            the key, and says so on stdout: 'FILE: OK', or 'FILE: FAILED' and exit status 1. Every
            provider gives the same verdict; the rules are libsodium's strict ones (docs/crypto.md).

              -k, --key KEY.pem        the public key (X.509 PEM), or the private key it is derived from
              -s, --signature FILE.sig the signature
              --provider ID            verify with this provider only

            Exit status: 0 valid; 1 not valid, or a file could not be read; 2 usage; 4 the key is
            not an Ed25519 key in PEM, or the signature is not 64 bytes.""";

    /** The largest message: a Java array. */
    private static final long MAX_MESSAGE = Integer.MAX_VALUE - 8;

    /** The largest key file read: PEM keys are a few hundred bytes. */
    private static final long MAX_KEY_FILE = 64 * 1024;

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminals terminals;

    KeyCommands(InputStream stdin, PrintStream out, PrintStream err, Terminals terminals) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.terminals = terminals;
    }

    /** {@code arsenal keygen}. */
    int keygen(List<String> args) {
        String algorithmName = null;
        String output = null;
        String provider = null;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-o", "--output" -> output = UsageException.value(args, ++i, arg);
                case "-f", "--force" -> force = true;
                case "--provider" -> provider = UsageException.value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-") || algorithmName != null) {
                        throw new UsageException("unexpected '" + arg + "'\n" + synopsis(KEYGEN_USAGE));
                    }
                    algorithmName = arg;
                }
            }
        }
        if (algorithmName == null) {
            throw new UsageException("which key? ed25519 or x25519\n" + synopsis(KEYGEN_USAGE));
        }
        CurveAlgorithm algorithm = algorithm(algorithmName);
        CurveKeyPair pair = view(algorithm, provider).generateKeyPair(algorithm);
        try {
            if (output == null || output.equals("-")) {
                out.print(pair.privateKey().pem());
                return Main.OK;
            }
            String publicName = publicName(output);
            if (!write(output, pair.privateKey().pem(), true, force)
                    || !write(publicName, pair.publicKey().pem(), false, force)) {
                return Main.PARTIAL;
            }
            err.println("arsenal keygen: " + algorithm.standardName() + " private key in " + output + ", public key in "
                    + publicName);
            return Main.OK;
        } finally {
            pair.privateKey().destroy();
        }
    }

    /** {@code arsenal sign}. */
    int sign(List<String> args) {
        String keyFile = null;
        String provider = null;
        String input = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-k", "--key" -> keyFile = UsageException.value(args, ++i, arg);
                case "--provider" -> provider = UsageException.value(args, ++i, arg);
                default -> input = operand(input, arg, SIGN_USAGE);
            }
        }
        if (keyFile == null) {
            throw new UsageException("no key: -k KEY.pem\n" + synopsis(SIGN_USAGE));
        }
        if (terminals.stdout()) {
            throw new UsageException("a signature is 64 raw bytes, not written to a terminal; redirect it:"
                    + " arsenal sign -k " + keyFile + " FILE > FILE.sig");
        }
        CurveKey key = readKey(keyFile, "sign");
        if (key == null) {
            return Main.BAD_INPUT;
        }
        if (!(key instanceof CurvePrivateKey privateKey) || !(key.algorithm() instanceof SignatureAlgorithm)) {
            err.println("arsenal sign: " + keyFile + ": " + describe(key) + ", not an Ed25519 private key");
            return Main.BAD_INPUT;
        }
        String name = input == null ? "-" : input;
        byte[] message = readMessage(name, "sign");
        if (message == null) {
            return Main.PARTIAL;
        }
        try {
            out.write(view(key.algorithm(), provider).signer(privateKey).sign(message));
        } catch (IOException e) {
            err.println("arsenal sign: stdout: " + IoErrors.reason(e));
            return Main.PARTIAL;
        } finally {
            privateKey.destroy();
        }
        return Main.OK;
    }

    /** {@code arsenal verify}. */
    int verify(List<String> args) {
        String keyFile = null;
        String signatureFile = null;
        String provider = null;
        String input = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-k", "--key" -> keyFile = UsageException.value(args, ++i, arg);
                case "-s", "--signature" -> signatureFile = UsageException.value(args, ++i, arg);
                case "--provider" -> provider = UsageException.value(args, ++i, arg);
                default -> input = operand(input, arg, VERIFY_USAGE);
            }
        }
        if (keyFile == null || signatureFile == null) {
            throw new UsageException((keyFile == null ? "no key: -k KEY.pem" : "no signature: -s FILE.sig") + "\n"
                    + synopsis(VERIFY_USAGE));
        }
        CurveKey key = readKey(keyFile, "verify");
        if (key == null) {
            return Main.BAD_INPUT;
        }
        if (!(key.algorithm() instanceof SignatureAlgorithm algorithm)) {
            err.println("arsenal verify: " + keyFile + ": " + describe(key) + ", not an Ed25519 key");
            return Main.BAD_INPUT;
        }
        byte[] signature = readFile(signatureFile, 4096, "verify");
        if (signature == null) {
            return Main.PARTIAL;
        }
        if (signature.length != algorithm.signatureLength()) {
            err.println(
                    "arsenal verify: " + signatureFile + ": " + signature.length + " bytes, not an Ed25519 signature ("
                            + algorithm.signatureLength() + " raw bytes, as openssl pkeyutl -sign -rawin writes it)");
            return Main.BAD_INPUT;
        }
        String name = input == null ? "-" : input;
        byte[] message = readMessage(name, "verify");
        if (message == null) {
            return Main.PARTIAL;
        }
        CryptoView crypto = view(algorithm, provider);
        CurvePublicKey publicKey = key instanceof CurvePrivateKey p ? crypto.publicKey(p) : (CurvePublicKey) key;
        if (key instanceof CurvePrivateKey p) {
            p.destroy();
        }
        Verifier verifier = crypto.verifier(publicKey);
        boolean valid = verifier.verify(message, signature);
        out.println(name + ": " + (valid ? "OK" : "FAILED"));
        return valid ? Main.OK : Main.PARTIAL;
    }

    private CryptoView view(CurveAlgorithm algorithm, String provider) {
        ArsenalRuntime runtime = provider == null
                ? Arsenal.runtime()
                : Arsenal.create(Configuration.load().withForcedProvider(algorithm, provider, "--provider"));
        return runtime.view(CryptoView.class);
    }

    private static CurveAlgorithm algorithm(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "ed25519" -> SignatureAlgorithm.ED25519;
            case "x25519" -> KeyAgreementAlgorithm.X25519;
            default -> throw new UsageException("unknown key type '" + name + "': ed25519 or x25519");
        };
    }

    /** KEY.pem gives KEY.pub.pem; any other name NAME gives NAME.pub.pem. */
    static String publicName(String privateName) {
        String base = privateName.endsWith(".pem") ? privateName.substring(0, privateName.length() - 4) : privateName;
        return base + ".pub.pem";
    }

    /** Writes {@code text} whole or not at all; false (said on stderr) if it could not be. */
    private boolean write(String name, String text, boolean secret, boolean force) {
        try (OutputFile file = secret
                ? OutputFile.openSecret(name, force, note -> err.println("arsenal keygen: " + note))
                : OutputFile.open(name, force, null, note -> err.println("arsenal keygen: " + note))) {
            try (OutputStream o = file.stream()) {
                o.write(text.getBytes(StandardCharsets.US_ASCII));
            }
            file.commit();
            return true;
        } catch (OutputFile.Refused e) {
            err.println("arsenal keygen: " + e.getMessage());
        } catch (IOException e) {
            err.println("arsenal keygen: " + IoErrors.describe(e, name));
        }
        return false;
    }

    /** The key in {@code file}, or null after saying on stderr why it is not one. */
    private CurveKey readKey(String file, String command) {
        byte[] bytes = readFile(file, MAX_KEY_FILE, command);
        if (bytes == null) {
            return null;
        }
        try {
            return CurveKey.readPem(new String(bytes, StandardCharsets.UTF_8));
        } catch (InvalidKeySpecException e) {
            err.println("arsenal " + command + ": " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** The message, from a file or stdin; null after saying why it could not be read. */
    private byte[] readMessage(String name, String command) {
        if (name.equals("-")) {
            try {
                return stdin.readAllBytes();
            } catch (IOException e) {
                err.println("arsenal " + command + ": stdin: " + IoErrors.reason(e));
                return null;
            } catch (OutOfMemoryError e) {
                err.println("arsenal " + command + ": stdin: more than the heap holds; Ed25519 signs a message held"
                        + " whole (give a larger -Xmx, or sign a digest of it)");
                return null;
            }
        }
        return readFile(name, MAX_MESSAGE, command);
    }

    /** A file's bytes, at most {@code max}; null after saying why not. */
    private byte[] readFile(String name, long max, String command) {
        try {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                err.println("arsenal " + command + ": " + name + ": is a directory");
                return null;
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8) + 1);
                if (bytes.length > max) {
                    err.println("arsenal " + command + ": " + name + ": more than " + max + " bytes; "
                            + (max == MAX_MESSAGE
                                    ? "Ed25519 signs a message held whole (sign a digest of it instead)"
                                    : "not a key or signature file"));
                    return null;
                }
                return bytes;
            }
        } catch (IOException e) {
            err.println("arsenal " + command + ": " + IoErrors.describe(e, name));
            return null;
        } catch (OutOfMemoryError e) {
            err.println("arsenal " + command + ": " + name + ": more than the heap holds (give a larger -Xmx)");
            return null;
        }
    }

    private static String describe(CurveKey key) {
        return "an " + key.getAlgorithm() + (key instanceof CurvePrivateKey ? " private key" : " public key");
    }

    private static String operand(String previous, String arg, String usage) {
        if ((arg.startsWith("-") && !arg.equals("-")) || previous != null) {
            throw new UsageException("unexpected '" + arg + "' (one FILE at most)\n" + synopsis(usage));
        }
        return arg;
    }

    private static String synopsis(String usage) {
        return usage.lines().findFirst().orElse("");
    }
}
