package org.vouchsafe.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.vouchsafe.problem.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTests {

    private static final int MIB = 1024 * 1024;
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(MIB, 10L * 1000 * 1000);

    @Test
    void shouldRefuseADeclaredBodyOverOneMebibyteBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = post("/api/requests", MIB + 1);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("1048576");
        assertThat(chain.getRequest()).as("the application never saw the request").isNull();
    }

    @Test
    void shouldLetTheEvidenceUploadCarryUpToTenMegabytes() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/requests/42/track-record", 9 * MIB), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);

        MockHttpServletResponse tooLarge = new MockHttpServletResponse();
        filter.doFilter(post("/api/requests/42/track-record", 10L * 1000 * 1000 + 1), tooLarge, new MockFilterChain());
        assertThat(tooLarge.getStatus()).isEqualTo(413);
    }

    @Test
    void shouldNotExtendTheUploadLimitToOtherRequestsOfTheSameRequest() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post("/api/requests/42/votes", 2 * MIB), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void shouldStopReadingAChunkedBodyAtTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests") {
            @Override
            public ServletInputStream getInputStream() {
                return stream(new ByteArrayInputStream(new byte[MIB + 10]));
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        ServletRequest seen = chain.getRequest();
        InputStream body = seen.getInputStream();
        assertThatThrownBy(() -> body.readAllBytes()).isInstanceOf(PayloadTooLargeException.class)
                .hasMessage("The request body exceeds 1048576 bytes.");
    }

    @Test
    void shouldReadAChunkedBodyWithinTheLimitUnchanged() throws Exception {
        byte[] json = "{\"vote\":\"APPROVE\"}".getBytes();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests/1/votes") {
            @Override
            public ServletInputStream getInputStream() {
                return stream(new ByteArrayInputStream(json));
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(json);
    }

    private static MockHttpServletRequest post(String path, long declaredLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return declaredLength;
            }

            @Override
            public int getContentLength() {
                return (int) Math.min(Integer.MAX_VALUE, declaredLength);
            }
        };
        request.setContentType("application/json");
        // Under the DispatcherServlet mapped at "/", the servlet path is the whole path.
        request.setServletPath(path);
        return request;
    }

    private static ServletInputStream stream(InputStream in) {
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
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }
}
