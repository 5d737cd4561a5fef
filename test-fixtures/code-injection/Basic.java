import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.Bindings;
import javax.servlet.http.HttpServletRequest;

class Calculator {
    private static final String SCRIPT = "x * 2";
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");

    Object calc(HttpServletRequest request) throws Exception {
        // vigil-expect: code-injection
        return engine.eval("calc(" + request.getParameter("x") + ")");
    }

    Object run(String script) throws Exception {
        // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
        // vigil-ok: code-injection
        return engine.eval(script);
    }

    Object calcSafe(HttpServletRequest request) throws Exception {
        Bindings b = engine.createBindings();
        b.put("x", Double.parseDouble(request.getParameter("x")));
        // vigil-ok: code-injection
        return engine.eval(SCRIPT, b);
    }

    Object constant() throws Exception {
        // vigil-ok: code-injection
        return engine.eval("1 + 1");
    }
}
