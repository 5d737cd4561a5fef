<%-- vigil-expect: xss --%>
<p>Hello <%= request.getParameter("name") %></p>
<%-- vigil-ok: xss --%>
<p>Hello <c:out value="${param.name}"/></p>
