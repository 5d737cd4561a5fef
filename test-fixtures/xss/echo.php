<?php
const GREETING = '<h1>Welcome</h1>';

// vigil-expect: xss
echo "Hello " . $_GET['name'];
// vigil-expect: xss
print $_POST['comment'];
// vigil-expect: xss
echo "<p>Search: $_GET[q]</p>";
// vigil-ok: xss
echo "Hello " . htmlspecialchars($_GET['name'], ENT_QUOTES, 'UTF-8');
// vigil-ok: xss
echo GREETING;
// vigil-ok: xss
echo intval($_GET['page']);
// vigil-ok: xss
echo count($_POST);
?>
<!-- vigil-expect: xss -->
<p><?= $_GET['q'] ?></p>
<!-- vigil-ok: xss -->
<p><?= htmlspecialchars($_GET['q']) ?></p>
