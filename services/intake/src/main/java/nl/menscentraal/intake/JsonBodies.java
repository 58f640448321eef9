package nl.menscentraal.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies as bytes and parses them with the wire format's mapper. The intake reads bytes
 * itself instead of letting Spring bind a body, so it decides the size limit (413) before parsing and
 * words parse errors without echoing the body (which holds a BSN).
 */
@Component("intakeJsonBodies")
class JsonBodies {

    private final ObjectMapper mapper;
    private final ObjectReader reader;

    JsonBodies() {
        this.mapper = EnvelopeJson.mapper();
        // A repeated key or trailing content makes it unclear which value the partner meant: refuse it.
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads at most {@code limit} bytes; more is a 413, judged before anything is parsed. */
    static byte[] read(long declaredLength, InputStream in, DataSize limit) throws IOException {
        long max = limit.toBytes();
        if (declaredLength > max) {
            throw tooLarge(limit);
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw tooLarge(limit);
        }
        return body;
    }

    /** Parses JSON; anything else is a 400 that says where, not what. */
    JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ProblemException(HttpStatus.BAD_REQUEST, at == null
                    ? "The body is not valid JSON."
                    : "The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isMissingNode()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The body is empty; send a JSON object.");
        }
        return node;
    }

    /** The size of a parsed value as compact JSON: how a batch item is held to the single-event limit. */
    long sizeOf(JsonNode node) {
        CountingStream counter = new CountingStream();
        try {
            mapper.writeValue(counter, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    static ProblemException tooLarge(DataSize limit) {
        return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The body is larger than " + human(limit) + ".");
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
