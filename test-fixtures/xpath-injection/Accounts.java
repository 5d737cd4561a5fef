import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.lang.StringEscapeUtils;
import org.xml.sax.InputSource;

class Accounts {
    private final XPath xPath = XPathFactory.newInstance().newXPath();

    String secret(HttpServletRequest request, InputSource xml) throws XPathExpressionException {
        String[] parts = request.getParameter("login").split(":");
        String user = parts[0];
        String query = "//users/user[name/text()='" + user + "']/secret/text()";
        // vigil-expect: xpath-injection
        return (String) xPath.evaluate(query, xml, XPathConstants.STRING);
    }

    String escaped(HttpServletRequest request, InputSource xml) throws XPathExpressionException {
        String user = StringEscapeUtils.escapeXml(request.getParameter("user"));
        // vigil-ok: xpath-injection
        return xPath.evaluate("//users/user[name/text()='" + user + "']", xml);
    }

    String fixed(InputSource xml) throws XPathExpressionException {
        String user = "guest";
        // vigil-ok: xpath-injection
        return xPath.evaluate("//users/user[name/text()='" + user + "']", xml);
    }

    Object compiled(HttpServletRequest request) throws XPathExpressionException {
        StringBuilder sb = new StringBuilder("//item[@id='");
        sb.append(request.getCookies()[0].getValue()).append("']");
        // vigil-expect: xpath-injection
        return xPath.compile(sb.toString());
    }

    String notXpath(HttpServletRequest request) {
        // vigil-ok: xpath-injection
        return String.valueOf(request.getParameter("n"));
    }
}
