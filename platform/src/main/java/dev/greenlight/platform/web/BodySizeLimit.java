package dev.greenlight.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a configured size (413), before anyone buffers them: a declared
 * Content-Length is checked up front, a chunked body is cut off while it is read (the read fails,
 * and {@link CommonApiErrors} answers 413). Services register it first in their filter chain with
 * their own limit, so an oversized body never reaches authentication or parsing.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    private final DataSize limit;
    private final String property;

    /**
     * @param limit    the largest body accepted
     * @param property the configuration property that sets it, named in the 413 so operators know what to change
     */
    public BodySizeLimit(DataSize limit, String property) {
        this.limit = limit;
        this.property = property;
    }

    /** The largest body accepted. */
    public DataSize limit() {
        return limit;
    }

    /** Whether a failure to read a request body came from this limit. */
    public static boolean exceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
                    + "\"detail\":\"The request body is larger than the " + limit.toBytes()
                    + " bytes this service accepts (" + property + ").\"}");
            return;
        }
        chain.doFilter(new Limited(request, limit.toBytes()), response);
    }

    private static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("request body exceeds " + limit + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new TooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
