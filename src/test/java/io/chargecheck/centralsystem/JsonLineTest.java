package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.ocpp.OcppJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A trace line must read back, with Jackson, as exactly what was written, whatever a station put in its text. */
class JsonLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "quote \" and backslash \\ and slash /", "\n\r\t\b\f\u0000\u001f\u007f",
            "é € 𝄞 \u2028\u2029 \uFEFF", "[2,\"1\",\"DataTransfer\",{\"data\":\"\\\"x\\\"\"}]", "lone \uD834 surrogate \uDD1E"})
    void readsBackAsWritten(String text) throws IOException {
        JsonNode line = written(new JsonLine().begin().number("seq", -42).string("text", text)
                .utf8("raw", bytesOf(text), 0, bytesOf(text).length).string("absent", null).nullValue("none").end());

        assertThat(line.get("seq").asLong()).isEqualTo(-42);
        assertThat(line.get("text").asText()).isEqualTo(text);
        assertThat(line.get("raw").asText()).isEqualTo(new String(bytesOf(text), StandardCharsets.UTF_8));
        assertThat(line.has("absent")).isFalse();
        assertThat(line.get("none").isNull()).isTrue();
    }

    @Test
    void readsBackAsWrittenForRandomText() throws IOException {
        Random random = new Random(7);
        JsonLine json = new JsonLine();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int c = 0; c < length; c++) {
                text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
            }
            String value = text.toString();
            byte[] utf8 = bytesOf(value);
            JsonNode line = written(json.begin().string("text", value).utf8("raw", utf8, 0, utf8.length).end());

            assertThat(line.get("text").asText()).isEqualTo(value);
            assertThat(line.get("raw").asText()).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    @Test
    void isOneLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLine().begin().string("text", "a\nb\rc").end().writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"a\\nb\\rc\"}\n");
    }

    private static byte[] bytesOf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode written(JsonLine line) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.writeTo(out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        return OcppJson.mapper().readTree(bytes);
    }
}
