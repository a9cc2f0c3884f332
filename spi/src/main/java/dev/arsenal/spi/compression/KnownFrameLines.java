package dev.arsenal.spi.compression;

/**
 * The frames of {@link KnownFrames}, one per line: {@code codec;input;command;base64 of the tool's
 * output}. Written by the reference command-line tools (zstd 1.5.4, lz4 1.9.4, gzip 1.12, Debian 12)
 * from three fixed inputs: empty; {@code "Arsenal known frame
 * "} x 200 ({@code text4000}); bytes
 * 0..255 ({@code bytes256}). Every compression provider's self-test decodes each frame of its
 * codecs and compares.
 *
 * <p>A class and not a resource file: reading a resource from a jar costs a process's first use of
 * the family some 30 ms (the JDK's {@code jar:} URL handling), a string constant nothing.
 */
final class KnownFrameLines {
    private KnownFrameLines() {}

    /** The lines, in the order above. */
    static final String LINES = """
            zstd;empty;zstd -3;KLUv/SQAAQAAmenYUQ==
            zstd;text4000;zstd -3;KLUv/QRY5QAAoEFyc2VuYWwga25vd24gZnJhbWUKAQASf/5kAhzHIjY=
            zstd;bytes256;zstd -3;KLUv/QRYAQgAAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/0uQzQY=
            zstd;empty;zstd -19 --content-size;KLUv/SQAAQAAmenYUQ==
            zstd;text4000;zstd -19 --content-size;KLUv/QRo5QAAoEFyc2VuYWwga25vd24gZnJhbWUKAQASf/5kAhzHIjY=
            zstd;bytes256;zstd -19 --content-size;KLUv/QRoAQgAAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/0uQzQY=
            zstd;empty;zstd --fast=5 --no-check;KLUv/SAAAQAA
            zstd;text4000;zstd --fast=5 --no-check;KLUv/QBILQIAxANBcnNlbmFsIGtub3duIGZyYW1lCkFyc2VuYWwga25vd24gZnJhbWUKQXJzZW5hbCBrbm93biBmcmFtZQoBABz27yso
            zstd;bytes256;zstd --fast=5 --no-check;KLUv/QBIAQgAAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==
            lz4;empty;lz4 -1;BCJNGGRApwAAAAAFXcwC
            lz4;text4000;lz4 -1;BCJNGGRApy4AAAD/BUFyc2VuYWwga25vd24gZnJhbWUKFAD///////////////////+DUHJhbWUKAAAAAO0eI9w=
            lz4;bytes256;lz4 -1;BCJNGGRApwABAIAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAAAAFMSRFk=
            lz4;empty;lz4 -9 (HC);BCJNGGRApwAAAAAFXcwC
            lz4;text4000;lz4 -9 (HC);BCJNGGRApy4AAAD/BUFyc2VuYWwga25vd24gZnJhbWUKFAD///////////////////+DUHJhbWUKAAAAAO0eI9w=
            lz4;bytes256;lz4 -9 (HC);BCJNGGRApwABAIAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAAAAFMSRFk=
            lz4;empty;lz4 -1 -BD --content-size --no-frame-crc;BCJNGGBAggAAAAA=
            lz4;text4000;lz4 -1 -BD --content-size --no-frame-crc;BCJNGGBAgi4AAAD/BUFyc2VuYWwga25vd24gZnJhbWUKFAD///////////////////+DUHJhbWUKAAAAAA==
            lz4;bytes256;lz4 -1 -BD --content-size --no-frame-crc;BCJNGGBAggABAIAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAAAAA==
            gzip;empty;gzip -6 -n;H4sIAAAAAAAAAwMAAAAAAAAAAAA=
            gzip;text4000;gzip -6 -n;H4sIAAAAAAAAA+3IoREAIAwEQU8VaSWlRAQDPDNB0D5doG7lep1UTBvaV9YrVjbnOI7jOI7jOI7jOO7rPQX4W3agDwAA
            gzip;bytes256;gzip -6 -n;H4sIAAAAAAAAAwEAAf/+AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/3OMBSkAAQAA
            gzip;empty;gzip -1 -n;H4sIAAAAAAAEAwMAAAAAAAAAAAA=
            gzip;text4000;gzip -1 -n;H4sIAAAAAAAEA3MsKk7NS8xRyM7LL89TSCtKzE3lchwVGw2D0XQwmhdGy4PRMnG0XhitG0fbB6NtpNE24WibcLRNONomHG0T0rVNCAAF+Ft2oA8AAA==
            gzip;bytes256;gzip -1 -n;H4sIAAAAAAAEAwEAAf/+AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/3OMBSkAAQAA
            gzip;empty;gzip -9 -n;H4sIAAAAAAACAwMAAAAAAAAAAAA=
            gzip;text4000;gzip -9 -n;H4sIAAAAAAACA+3IoREAIAwEQU8VaSWlRAQDPDNB0D5doG7lep1UTBvaV9YrVjbnOI7jOI7jOI7jOO7rPQX4W3agDwAA
            gzip;bytes256;gzip -9 -n;H4sIAAAAAAACAwEAAf/+AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/3OMBSkAAQAA
            """;
}
