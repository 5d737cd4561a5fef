import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class Login {
    private static final boolean OLD_FLOW = false;

    void next(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // vigil-expect: open-redirect
        response.sendRedirect(next);
    }

    void header(HttpServletRequest request, HttpServletResponse response) {
        String target = request.getHeader("Referer");
        // vigil-expect: open-redirect
        response.setHeader("Location", target);
    }

    void fixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        next = "/home";
        // vigil-ok: open-redirect
        response.sendRedirect(next);
        // vigil-ok: open-redirect
        response.sendRedirect(request.getContextPath() + "/login");
    }

    private String targetOf(HttpServletRequest request) {
        return request.getParameter("returnTo");
    }

    private void go(HttpServletResponse response, String where) throws IOException {
        // vigil-expect: open-redirect
        response.sendRedirect(where);
    }

    void helper(HttpServletRequest request, HttpServletResponse response) throws IOException {
        go(response, targetOf(request));
        go(response, "/done");
    }

    void dead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = "/home";
        if (OLD_FLOW) {
            next = request.getParameter("next");
        }
        // vigil-ok: open-redirect
        response.sendRedirect(next);
    }

    String spring(HttpServletRequest request) {
        String view = request.getParameter("view");
        // vigil-expect: open-redirect
        return "redirect:" + view;
    }

    String springFixed() {
        // vigil-ok: open-redirect
        return "redirect:/home";
    }
}
