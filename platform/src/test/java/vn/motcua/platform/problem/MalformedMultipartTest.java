package vn.motcua.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken form upload is the client's 400, not an incident (the fuzzer's 500 of 2026-12-04). */
class MalformedMultipartTest {
    @Test
    void theMultipartReadersFailureIsRecognisedWhereverItIsWrapped() {
        IOException cut = new IOException("Connection terminated parsing multipart request");
        assertTrue(ProblemMappers.malformedMultipart(cut));
        assertTrue(ProblemMappers.malformedMultipart(new UncheckedIOException(cut)));
        assertTrue(ProblemMappers.malformedMultipart(new IllegalStateException("upload", cut)));
    }

    @Test
    void otherInputOutputFailuresStayIncidents() {
        assertFalse(ProblemMappers.malformedMultipart(new IOException("Broken pipe")));
        assertFalse(ProblemMappers.malformedMultipart(new IllegalStateException("multipart in a message, not an IOException")));
        assertFalse(ProblemMappers.malformedMultipart(new IOException((String) null)));
    }
}
