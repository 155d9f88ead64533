package dev.greenlight.approval;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies (413) before they are read, so a huge comment or rationale cannot tie
 * up a request thread or end up on a topic. Judged by the declared Content-Length; chunked bodies
 * are bounded by the servlet container's own limits.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(ApprovalProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Body too large\",\"status\":413,"
                    + "\"detail\":\"The request body must be at most " + maxBytes + " bytes "
                    + "(greenlight.approval.max-body-size).\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
