package org.terrawatch.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import org.terrawatch.app.config.TerraWatchProperties;

/**
 * The one limit on request bodies, for every endpoint: a body larger than its limit is refused (413) before it is
 * read — by its {@code Content-Length}, or as soon as a chunked body passes the limit — and all bodies being read at once
 * share one budget, so that a few large requests cannot run the heap out; when the budget is spent a request waits a
 * moment and is then answered 503 with {@code Retry-After}. Process executions (WPS, OGC API – Processes) and hand-ins
 * of base data ({@code POST /api/submissions}) have the larger limit; everything else the smaller one ({@link TerraWatchProperties.Limits}). The body is read here, once, and handed
 * on from memory; form posts and uploads keep the container's own limits and are only checked by their length.
 */
public class RequestBodyLimits extends OncePerRequestFilter {

    /** Budget units are kibibytes, so that the semaphore's int holds any heap. */
    private static final int UNIT = 1024;

    private final long bodyLimit;
    private final long processLimit;
    private final Semaphore budget;

    public RequestBodyLimits(TerraWatchProperties.Limits limits) {
        this.bodyLimit = limits.requestBodyBytes();
        this.processLimit = limits.processRequestBodyBytes();
        this.budget = new Semaphore((int) Math.min(Integer.MAX_VALUE, limits.bodiesInFlightBytes() / UNIT), true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        long limit = isProcessExecution(request) || isUpload(request) ? processLimit : bodyLimit;
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        int units = (int) ((declared > 0 ? declared : limit) / UNIT + 1);
        boolean reserved;
        try {
            reserved = budget.tryAcquire(units, 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reserved = false;
        }
        if (!reserved) {
            response.setHeader("Retry-After", "5");
            ProtocolErrors.send(request, response, 503, "Service Unavailable",
                    "The server is reading as much as it can hold right now; send the request again in a few seconds");
            return;
        }
        try {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
        } finally {
            budget.release(units);
        }
    }

    private static boolean isProcessExecution(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/wps") || path.startsWith("/ogc/processes/") && path.endsWith("/execution")
                || path.equals("/ows") && "WPS".equalsIgnoreCase(request.getParameter("SERVICE"));
    }

    /** A department's hand-in of base data or an imagery upload: whole files, with the larger limit. */
    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.equals("/api/submissions") || path.equals("/api/imagery")) && "POST".equals(request.getMethod());
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        ProtocolErrors.send(request, response, 413, "Content Too Large", "The request body exceeds this endpoint's limit of "
                + (limit >= 1 << 20 ? limit / (1 << 20) + " MB" : limit / 1024 + " KB")
                + "; large inputs go by reference (a URL of this server's services or an imagery epoch)");
    }

    /** The request with its body already read. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
