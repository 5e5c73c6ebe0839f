const fs=require('fs');const f=process.argv[2];const p=JSON.parse(fs.readFileSync(f));
const byId=new Map(p.nodes.map(n=>[n.id,n]));const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const self=new Map();const incl=new Map();
p.samples.forEach((s,i)=>{const dt=(p.timeDeltas[i]||0)/1000;const n=byId.get(s);const key=n.callFrame.functionName+' '+n.callFrame.url.replace(/.*node_modules\//,'nm/').replace(/.*pacing\//,'')+':'+n.callFrame.lineNumber;self.set(key,(self.get(key)||0)+dt);
const seen=new Set();for(let id=s;id!==undefined;id=parent.get(id)){const c=byId.get(id).callFrame;const k=c.functionName+' '+c.url.replace(/.*node_modules\//,'nm/').replace(/.*pacing\//,'')+':'+c.lineNumber;if(seen.has(k))continue;seen.add(k);incl.set(k,(incl.get(k)||0)+dt);}});
const top=(m,n)=>[...m].sort((a,b)=>b[1]-a[1]).slice(0,n).map(([k,v])=>v.toFixed(0).padStart(7)+' '+k).join('\n');
console.log('SELF\n'+top(self,25));console.log('INCL\n'+top(incl,45));
