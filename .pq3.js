const {parse,loadGrammar}=require('./server/lib/engine/parse');
const {compileQuery}=require('./server/lib/engine/parse');
const {Engine}=require('./server/lib/engine');
(async()=>{
const gen={python:()=>{const a=[];for(let i=0;i<100;i++)a.push(`def handler_${i}(request, db):\n    user = request.args.get("user")\n    rows = db.execute("SELECT * FROM t WHERE id = %s", (user,))\n    h = hashlib.sha256(user.encode()).hexdigest()\n    for r in rows:\n        total = r["a"] + r["b"] * ${i}\n        log.info("row %s", r)\n    if total > 10:\n        return {"ok": True, "v": total}\n    return None\n`);return a.join('')},
javascript:()=>{const js=[];for(let i=0;i<100;i++)js.push(`async function handler${i}(req, res) {\n  const user = req.query.user;\n  const rows = await db.query("SELECT * FROM t WHERE id = ?", [user]);\n  const h = crypto.createHash("sha256").update(user).digest("hex");\n  for (const r of rows) {\n    total += r.a + r.b * ${i};\n  }\n  res.json({ ok: true, h });\n  return total;\n}\n`);return js.join('')}};
const e=Engine.create();
for(const lang of ['python','javascript']){
const t=gen[lang]();const L=await loadGrammar(lang);const tr=await parse(lang,t);
const res=[];
for(const r of e.rules)r.patterns.forEach((p,i)=>{if(p.kind!=='query'||!p.languages.includes(lang))return;const q=compileQuery(L,p.query);q.matches(tr.rootNode);const t0=performance.now();let n=0;for(let k=0;k<5;k++)n=q.matches(tr.rootNode).length;res.push([((performance.now()-t0)/5),r.id+'#'+i,n]);q.delete();});
res.sort((a,b)=>b[0]-a[0]);console.log(lang,'total',res.reduce((s,x)=>s+x[0],0).toFixed(1));res.slice(0,8).forEach(x=>console.log(' ',x[0].toFixed(2),x[1],x[2]));}
})();
