<?php
$pages = ['home', 'about'];

function greeting()
{
    $html = "<div class='greeting'>Hello " . $_GET['name'] . "</div>";
    // vigil-expect: xss
    echo $html;
}

function listing()
{
    $q = $_POST['q'] ?? '';
    $out = '<ul>';
    $out .= "<li>$q</li>";
    // vigil-expect: xss
    print $out;
}

function greeting_safe()
{
    $html = "<div>Hello " . htmlspecialchars($_GET['name'], ENT_QUOTES, 'UTF-8') . "</div>";
    // vigil-ok: xss
    echo $html;
}

function page_number()
{
    $page = (int) $_GET['page'];
    $label = isset($_GET['all']) ? 'All' : 'Some';
    // vigil-ok: xss
    echo "<span>$page $label</span>";
}

function chosen()
{
    $tab = $_GET['tab'];
    if (!in_array($tab, ['home', 'about'], true)) {
        exit;
    }
    // vigil-ok: xss
    echo "<a class='$tab'>tab</a>";
}
?>
<script>
  // vigil-expect: xss
  document.write('<p>' + location.search + '</p>');
  // vigil-ok: xss
  document.write('<p><?= htmlspecialchars($title) ?></p>');
</script>
