import java.io.IOException;
import java.util.Arrays;
import java.util.List;

class Thumbnails {
    private static final String CLEANUP = "rm -rf /tmp/thumbs";

    Process resize(String name) throws IOException {
        // vigil-expect: command-injection
        return Runtime.getRuntime().exec("convert " + name + " -resize 64x64 out.png");
    }

    Process diskUsage(String dir) throws IOException {
        // vigil-expect: command-injection
        return new ProcessBuilder("sh", "-c", "du -sh " + dir).start();
    }

    Process windows(String dir) throws IOException {
        // vigil-expect: command-injection
        return Runtime.getRuntime().exec(new String[] {"cmd.exe", "/c", "dir " + dir});
    }

    Process script(String body) throws IOException {
        // vigil-expect: command-injection
        List<String> cmd = Arrays.asList("/bin/bash", "-c", body);
        return new ProcessBuilder(cmd).start();
    }

    Process cleanup() throws IOException {
        // vigil-ok: command-injection
        return Runtime.getRuntime().exec(CLEANUP);
    }

    Process resizeSafe(String name) throws IOException {
        // vigil-ok: command-injection
        return new ProcessBuilder("convert", name, "-resize", "64x64", "out.png").start();
    }

    Process argv(String[] args) throws IOException {
        // vigil-ok: command-injection
        return Runtime.getRuntime().exec(args);
    }

    Process fixedShell() throws IOException {
        // vigil-ok: command-injection
        return new ProcessBuilder("sh", "-c", "ls -la /var/log | wc -l").start();
    }

    Process count(int n) throws IOException {
        // vigil-ok: command-injection
        return Runtime.getRuntime().exec("head -n " + String.valueOf(n) + " /var/log/syslog");
    }
}

class ListCommands {
    private static final boolean DEBUG = false;

    Process fromHeader(javax.servlet.http.HttpServletRequest request) throws IOException {
        String param = java.net.URLDecoder.decode(request.getHeader("X-Name"), "UTF-8");
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add("sh");
        argv.add("-c");
        argv.add("echo " + param);
        // vigil-expect: command-injection
        return new ProcessBuilder().command(argv).start();
    }

    Process fixedList() throws IOException {
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add("sh");
        argv.add("-c");
        argv.add("uptime");
        // vigil-ok: command-injection
        return new ProcessBuilder(argv).start();
    }

    Process deadBranch(javax.servlet.http.HttpServletRequest request) throws IOException {
        String cmd = "uptime";
        if (DEBUG) {
            cmd = request.getParameter("cmd");
        }
        // vigil-ok: command-injection
        return Runtime.getRuntime().exec("sh -c " + cmd);
    }
}
