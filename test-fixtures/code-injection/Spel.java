import javax.servlet.http.HttpServletRequest;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;

class Rules {
    private final ExpressionParser parser = new SpelExpressionParser();

    Object evaluate(String rule) {
        // vigil-expect: code-injection
        return parser.parseExpression(rule).getValue();
    }

    Object fixed() {
        // vigil-ok: code-injection
        return parser.parseExpression("'Hello'.concat('!')").getValue();
    }

    Object fromRequest(HttpServletRequest request) {
        return evaluate(request.getParameter("rule"));
    }
}
