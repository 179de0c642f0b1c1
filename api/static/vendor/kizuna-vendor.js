import{a as Mr,b as ue,c as Ur,d as Ye}from"./kizuna-shared-DF3GXAXA.js";var ut=Mr((Sn,lt)=>{"use strict";var fe=typeof Reflect=="object"?Reflect:null,Vt=fe&&typeof fe.apply=="function"?fe.apply:function(n,r,e){return Function.prototype.apply.call(n,r,e)},Pe;fe&&typeof fe.ownKeys=="function"?Pe=fe.ownKeys:Object.getOwnPropertySymbols?Pe=function(n){return Object.getOwnPropertyNames(n).concat(Object.getOwnPropertySymbols(n))}:Pe=function(n){return Object.getOwnPropertyNames(n)};function mi(i){console&&console.warn&&console.warn(i)}var jt=Number.isNaN||function(n){return n!==n};function S(){S.init.call(this)}lt.exports=S;lt.exports.once=yi;S.EventEmitter=S;S.prototype._events=void 0;S.prototype._eventsCount=0;S.prototype._maxListeners=void 0;var Wt=10;function ke(i){if(typeof i!="function")throw new TypeError('The "listener" argument must be of type Function. Received type '+typeof i)}Object.defineProperty(S,"defaultMaxListeners",{enumerable:!0,get:function(){return Wt},set:function(i){if(typeof i!="number"||i<0||jt(i))throw new RangeError('The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received '+i+".");Wt=i}});S.init=function(){(this._events===void 0||this._events===Object.getPrototypeOf(this)._events)&&(this._events=Object.create(null),this._eventsCount=0),this._maxListeners=this._maxListeners||void 0};S.prototype.setMaxListeners=function(n){if(typeof n!="number"||n<0||jt(n))throw new RangeError('The value of "n" is out of range. It must be a non-negative number. Received '+n+".");return this._maxListeners=n,this};function Yt(i){return i._maxListeners===void 0?S.defaultMaxListeners:i._maxListeners}S.prototype.getMaxListeners=function(){return Yt(this)};S.prototype.emit=function(n){for(var r=[],e=1;e<arguments.length;e++)r.push(arguments[e]);var t=n==="error",a=this._events;if(a!==void 0)t=t&&a.error===void 0;else if(!t)return!1;if(t){var o;if(r.length>0&&(o=r[0]),o instanceof Error)throw o;var s=new Error("Unhandled error."+(o?" ("+o.message+")":""));throw s.context=o,s}var l=a[n];if(l===void 0)return!1;if(typeof l=="function")Vt(l,this,r);else for(var u=l.length,h=Kt(l,u),e=0;e<u;++e)Vt(h[e],this,r);return!0};function qt(i,n,r,e){var t,a,o;if(ke(r),a=i._events,a===void 0?(a=i._events=Object.create(null),i._eventsCount=0):(a.newListener!==void 0&&(i.emit("newListener",n,r.listener?r.listener:r),a=i._events),o=a[n]),o===void 0)o=a[n]=r,++i._eventsCount;else if(typeof o=="function"?o=a[n]=e?[r,o]:[o,r]:e?o.unshift(r):o.push(r),t=Yt(i),t>0&&o.length>t&&!o.warned){o.warned=!0;var s=new Error("Possible EventEmitter memory leak detected. "+o.length+" "+String(n)+" listeners added. Use emitter.setMaxListeners() to increase limit");s.name="MaxListenersExceededWarning",s.emitter=i,s.type=n,s.count=o.length,mi(s)}return i}S.prototype.addListener=function(n,r){return qt(this,n,r,!1)};S.prototype.on=S.prototype.addListener;S.prototype.prependListener=function(n,r){return qt(this,n,r,!0)};function pi(){if(!this.fired)return this.target.removeListener(this.type,this.wrapFn),this.fired=!0,arguments.length===0?this.listener.call(this.target):this.listener.apply(this.target,arguments)}function Xt(i,n,r){var e={fired:!1,wrapFn:void 0,target:i,type:n,listener:r},t=pi.bind(e);return t.listener=r,e.wrapFn=t,t}S.prototype.once=function(n,r){return ke(r),this.on(n,Xt(this,n,r)),this};S.prototype.prependOnceListener=function(n,r){return ke(r),this.prependListener(n,Xt(this,n,r)),this};S.prototype.removeListener=function(n,r){var e,t,a,o,s;if(ke(r),t=this._events,t===void 0)return this;if(e=t[n],e===void 0)return this;if(e===r||e.listener===r)--this._eventsCount===0?this._events=Object.create(null):(delete t[n],t.removeListener&&this.emit("removeListener",n,e.listener||r));else if(typeof e!="function"){for(a=-1,o=e.length-1;o>=0;o--)if(e[o]===r||e[o].listener===r){s=e[o].listener,a=o;break}if(a<0)return this;a===0?e.shift():bi(e,a),e.length===1&&(t[n]=e[0]),t.removeListener!==void 0&&this.emit("removeListener",n,s||r)}return this};S.prototype.off=S.prototype.removeListener;S.prototype.removeAllListeners=function(n){var r,e,t;if(e=this._events,e===void 0)return this;if(e.removeListener===void 0)return arguments.length===0?(this._events=Object.create(null),this._eventsCount=0):e[n]!==void 0&&(--this._eventsCount===0?this._events=Object.create(null):delete e[n]),this;if(arguments.length===0){var a=Object.keys(e),o;for(t=0;t<a.length;++t)o=a[t],o!=="removeListener"&&this.removeAllListeners(o);return this.removeAllListeners("removeListener"),this._events=Object.create(null),this._eventsCount=0,this}if(r=e[n],typeof r=="function")this.removeListener(n,r);else if(r!==void 0)for(t=r.length-1;t>=0;t--)this.removeListener(n,r[t]);return this};function $t(i,n,r){var e=i._events;if(e===void 0)return[];var t=e[n];return t===void 0?[]:typeof t=="function"?r?[t.listener||t]:[t]:r?_i(t):Kt(t,t.length)}S.prototype.listeners=function(n){return $t(this,n,!0)};S.prototype.rawListeners=function(n){return $t(this,n,!1)};S.listenerCount=function(i,n){return typeof i.listenerCount=="function"?i.listenerCount(n):Zt.call(i,n)};S.prototype.listenerCount=Zt;function Zt(i){var n=this._events;if(n!==void 0){var r=n[i];if(typeof r=="function")return 1;if(r!==void 0)return r.length}return 0}S.prototype.eventNames=function(){return this._eventsCount>0?Pe(this._events):[]};function Kt(i,n){for(var r=new Array(n),e=0;e<n;++e)r[e]=i[e];return r}function bi(i,n){for(;n+1<i.length;n++)i[n]=i[n+1];i.pop()}function _i(i){for(var n=new Array(i.length),r=0;r<n.length;++r)n[r]=i[r].listener||i[r];return n}function yi(i,n){return new Promise(function(r,e){function t(o){i.removeListener(n,a),e(o)}function a(){typeof i.removeListener=="function"&&i.removeListener("error",t),r([].slice.call(arguments))}Qt(i,n,a,{once:!0}),n!=="error"&&Ei(i,t,{once:!0})})}function Ei(i,n,r){typeof i.on=="function"&&Qt(i,"error",n,r)}function Qt(i,n,r,e){if(typeof i.on=="function")e.once?i.once(n,r):i.on(n,r);else if(typeof i.addEventListener=="function")i.addEventListener(n,function t(a){e.once&&i.removeEventListener(n,t),r(a)});else throw new TypeError('The "emitter" argument must be of type EventEmitter. Received type '+typeof i)}});var bn=ue(Ur(),1);function Br(i,n){if(typeof i!="object"||!i)return i;var r=i[Symbol.toPrimitive];if(r!==void 0){var e=r.call(i,n||"default");if(typeof e!="object")return e;throw new TypeError("@@toPrimitive must return a primitive value.")}return(n==="string"?String:Number)(i)}function oe(i){var n=Br(i,"string");return typeof n=="symbol"?n:n+""}function L(i,n){if(!(i instanceof n))throw new TypeError("Cannot call a class as a function")}function Et(i,n){for(var r=0;r<n.length;r++){var e=n[r];e.enumerable=e.enumerable||!1,e.configurable=!0,"value"in e&&(e.writable=!0),Object.defineProperty(i,oe(e.key),e)}}function P(i,n,r){return n&&Et(i.prototype,n),r&&Et(i,r),Object.defineProperty(i,"prototype",{writable:!1}),i}function ae(i){return ae=Object.setPrototypeOf?Object.getPrototypeOf.bind():function(n){return n.__proto__||Object.getPrototypeOf(n)},ae(i)}function Tt(){try{var i=!Boolean.prototype.valueOf.call(Reflect.construct(Boolean,[],function(){}))}catch{}return(Tt=function(){return!!i})()}function Hr(i){if(i===void 0)throw new ReferenceError("this hasn't been initialised - super() hasn't been called");return i}function Vr(i,n){if(n&&(typeof n=="object"||typeof n=="function"))return n;if(n!==void 0)throw new TypeError("Derived constructors may only return object or undefined");return Hr(i)}function O(i,n,r){return n=ae(n),Vr(i,Tt()?Reflect.construct(n,r||[],ae(i).constructor):n.apply(i,r))}function qe(i,n){return qe=Object.setPrototypeOf?Object.setPrototypeOf.bind():function(r,e){return r.__proto__=e,r},qe(i,n)}function I(i,n){if(typeof n!="function"&&n!==null)throw new TypeError("Super expression must either be null or a function");i.prototype=Object.create(n&&n.prototype,{constructor:{value:i,writable:!0,configurable:!0}}),Object.defineProperty(i,"prototype",{writable:!1}),n&&qe(i,n)}function Wr(i){if(Array.isArray(i))return i}function jr(i,n){var r=i==null?null:typeof Symbol<"u"&&i[Symbol.iterator]||i["@@iterator"];if(r!=null){var e,t,a,o,s=[],l=!0,u=!1;try{if(a=(r=r.call(i)).next,n===0){if(Object(r)!==r)return;l=!1}else for(;!(l=(e=a.call(r)).done)&&(s.push(e.value),s.length!==n);l=!0);}catch(h){u=!0,t=h}finally{try{if(!l&&r.return!=null&&(o=r.return(),Object(o)!==o))return}finally{if(u)throw t}}return s}}function Ee(i,n){(n==null||n>i.length)&&(n=i.length);for(var r=0,e=Array(n);r<n;r++)e[r]=i[r];return e}function Ze(i,n){if(i){if(typeof i=="string")return Ee(i,n);var r={}.toString.call(i).slice(8,-1);return r==="Object"&&i.constructor&&(r=i.constructor.name),r==="Map"||r==="Set"?Array.from(i):r==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(r)?Ee(i,n):void 0}}function Yr(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function Q(i,n){return Wr(i)||jr(i,n)||Ze(i,n)||Yr()}var ye={black:"#000000",silver:"#C0C0C0",gray:"#808080",grey:"#808080",white:"#FFFFFF",maroon:"#800000",red:"#FF0000",purple:"#800080",fuchsia:"#FF00FF",green:"#008000",lime:"#00FF00",olive:"#808000",yellow:"#FFFF00",navy:"#000080",blue:"#0000FF",teal:"#008080",aqua:"#00FFFF",darkblue:"#00008B",mediumblue:"#0000CD",darkgreen:"#006400",darkcyan:"#008B8B",deepskyblue:"#00BFFF",darkturquoise:"#00CED1",mediumspringgreen:"#00FA9A",springgreen:"#00FF7F",cyan:"#00FFFF",midnightblue:"#191970",dodgerblue:"#1E90FF",lightseagreen:"#20B2AA",forestgreen:"#228B22",seagreen:"#2E8B57",darkslategray:"#2F4F4F",darkslategrey:"#2F4F4F",limegreen:"#32CD32",mediumseagreen:"#3CB371",turquoise:"#40E0D0",royalblue:"#4169E1",steelblue:"#4682B4",darkslateblue:"#483D8B",mediumturquoise:"#48D1CC",indigo:"#4B0082",darkolivegreen:"#556B2F",cadetblue:"#5F9EA0",cornflowerblue:"#6495ED",rebeccapurple:"#663399",mediumaquamarine:"#66CDAA",dimgray:"#696969",dimgrey:"#696969",slateblue:"#6A5ACD",olivedrab:"#6B8E23",slategray:"#708090",slategrey:"#708090",lightslategray:"#778899",lightslategrey:"#778899",mediumslateblue:"#7B68EE",lawngreen:"#7CFC00",chartreuse:"#7FFF00",aquamarine:"#7FFFD4",skyblue:"#87CEEB",lightskyblue:"#87CEFA",blueviolet:"#8A2BE2",darkred:"#8B0000",darkmagenta:"#8B008B",saddlebrown:"#8B4513",darkseagreen:"#8FBC8F",lightgreen:"#90EE90",mediumpurple:"#9370DB",darkviolet:"#9400D3",palegreen:"#98FB98",darkorchid:"#9932CC",yellowgreen:"#9ACD32",sienna:"#A0522D",brown:"#A52A2A",darkgray:"#A9A9A9",darkgrey:"#A9A9A9",lightblue:"#ADD8E6",greenyellow:"#ADFF2F",paleturquoise:"#AFEEEE",lightsteelblue:"#B0C4DE",powderblue:"#B0E0E6",firebrick:"#B22222",darkgoldenrod:"#B8860B",mediumorchid:"#BA55D3",rosybrown:"#BC8F8F",darkkhaki:"#BDB76B",mediumvioletred:"#C71585",indianred:"#CD5C5C",peru:"#CD853F",chocolate:"#D2691E",tan:"#D2B48C",lightgray:"#D3D3D3",lightgrey:"#D3D3D3",thistle:"#D8BFD8",orchid:"#DA70D6",goldenrod:"#DAA520",palevioletred:"#DB7093",crimson:"#DC143C",gainsboro:"#DCDCDC",plum:"#DDA0DD",burlywood:"#DEB887",lightcyan:"#E0FFFF",lavender:"#E6E6FA",darksalmon:"#E9967A",violet:"#EE82EE",palegoldenrod:"#EEE8AA",lightcoral:"#F08080",khaki:"#F0E68C",aliceblue:"#F0F8FF",honeydew:"#F0FFF0",azure:"#F0FFFF",sandybrown:"#F4A460",wheat:"#F5DEB3",beige:"#F5F5DC",whitesmoke:"#F5F5F5",mintcream:"#F5FFFA",ghostwhite:"#F8F8FF",salmon:"#FA8072",antiquewhite:"#FAEBD7",linen:"#FAF0E6",lightgoldenrodyellow:"#FAFAD2",oldlace:"#FDF5E6",magenta:"#FF00FF",deeppink:"#FF1493",orangered:"#FF4500",tomato:"#FF6347",hotpink:"#FF69B4",coral:"#FF7F50",darkorange:"#FF8C00",lightsalmon:"#FFA07A",orange:"#FFA500",lightpink:"#FFB6C1",pink:"#FFC0CB",gold:"#FFD700",peachpuff:"#FFDAB9",navajowhite:"#FFDEAD",moccasin:"#FFE4B5",bisque:"#FFE4C4",mistyrose:"#FFE4E1",blanchedalmond:"#FFEBCD",papayawhip:"#FFEFD5",lavenderblush:"#FFF0F5",seashell:"#FFF5EE",cornsilk:"#FFF8DC",lemonchiffon:"#FFFACD",floralwhite:"#FFFAF0",snow:"#FFFAFA",lightyellow:"#FFFFE0",ivory:"#FFFFF0"};var Rt=new Int8Array(4),Xe=new Int32Array(Rt.buffer,0,1),qr=new Float32Array(Rt.buffer,0,1),Xr=/^\s*rgba?\s*\(/,$r=/^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)(?:\s*,\s*(.*)?)?\)\s*$/;function Ct(i){var n=0,r=0,e=0,t=1;if(i[0]==="#")i.length===4?(n=parseInt(i.charAt(1)+i.charAt(1),16),r=parseInt(i.charAt(2)+i.charAt(2),16),e=parseInt(i.charAt(3)+i.charAt(3),16)):(n=parseInt(i.charAt(1)+i.charAt(2),16),r=parseInt(i.charAt(3)+i.charAt(4),16),e=parseInt(i.charAt(5)+i.charAt(6),16)),i.length===9&&(t=parseInt(i.charAt(7)+i.charAt(8),16)/255);else if(Xr.test(i)){var a=i.match($r);a&&(n=+a[1],r=+a[2],e=+a[3],a[4]&&(t=+a[4]))}return{r:n,g:r,b:e,a:t}}var he={};for(ge in ye)he[ge]=W(ye[ge]),he[ye[ge]]=he[ge];var ge;function Ke(i,n,r,e,t){return Xe[0]=e<<24|r<<16|n<<8|i,t&&(Xe[0]=Xe[0]&4278190079),qr[0]}function W(i){if(i=i.toLowerCase(),typeof he[i]<"u")return he[i];var n=Ct(i),r=n.r,e=n.g,t=n.b,a=n.a;a=a*255|0;var o=Ke(r,e,t,a,!0);return he[i]=o,o}var $e={};function Te(i){if(typeof $e[i]<"u")return $e[i];var n=(i&16711680)>>>16,r=(i&65280)>>>8,e=i&255,t=255,a=Ke(n,r,e,t,!0);return $e[i]=a,a}function Re(i,n,r,e){return r+(n<<8)+(i<<16)}function Ce(i,n,r,e,t,a){var o=Math.floor(r/a*t),s=Math.floor(i.drawingBufferHeight/a-e/a*t),l=new Uint8Array(4);i.bindFramebuffer(i.FRAMEBUFFER,n),i.readPixels(o,s,1,1,i.RGBA,i.UNSIGNED_BYTE,l);var u=Q(l,4),h=u[0],c=u[1],d=u[2],v=u[3];return[h,c,d,v]}function f(i,n,r){return(n=oe(n))in i?Object.defineProperty(i,n,{value:r,enumerable:!0,configurable:!0,writable:!0}):i[n]=r,i}function xt(i,n){var r=Object.keys(i);if(Object.getOwnPropertySymbols){var e=Object.getOwnPropertySymbols(i);n&&(e=e.filter(function(t){return Object.getOwnPropertyDescriptor(i,t).enumerable})),r.push.apply(r,e)}return r}function y(i){for(var n=1;n<arguments.length;n++){var r=arguments[n]!=null?arguments[n]:{};n%2?xt(Object(r),!0).forEach(function(e){f(i,e,r[e])}):Object.getOwnPropertyDescriptors?Object.defineProperties(i,Object.getOwnPropertyDescriptors(r)):xt(Object(r)).forEach(function(e){Object.defineProperty(i,e,Object.getOwnPropertyDescriptor(r,e))})}return i}function Zr(i,n){for(;!{}.hasOwnProperty.call(i,n)&&(i=ae(i))!==null;);return i}function Je(){return Je=typeof Reflect<"u"&&Reflect.get?Reflect.get.bind():function(i,n,r){var e=Zr(i,n);if(e){var t=Object.getOwnPropertyDescriptor(e,n);return t.get?t.get.call(arguments.length<3?i:r):t.value}},Je.apply(null,arguments)}function kt(i,n,r,e){var t=Je(ae(1&e?i.prototype:i),n,r);return 2&e&&typeof t=="function"?function(a){return t.apply(r,a)}:t}function Nt(i){return i.normalized?1:i.size}function Se(i){var n=0;return i.forEach(function(r){return n+=Nt(r)}),n}function Ft(i,n,r){var e=i==="VERTEX"?n.VERTEX_SHADER:n.FRAGMENT_SHADER,t=n.createShader(e);if(t===null)throw new Error("loadShader: error while creating the shader");n.shaderSource(t,r),n.compileShader(t);var a=n.getShaderParameter(t,n.COMPILE_STATUS);if(!a){var o=n.getShaderInfoLog(t);throw n.deleteShader(t),new Error(`loadShader: error while compiling the shader:
`.concat(o,`
`).concat(r))}return t}function Dt(i,n){return Ft("VERTEX",i,n)}function Ot(i,n){return Ft("FRAGMENT",i,n)}function It(i,n){var r=i.createProgram();if(r===null)throw new Error("loadProgram: error while creating the program.");var e,t;for(e=0,t=n.length;e<t;e++)i.attachShader(r,n[e]);i.linkProgram(r);var a=i.getProgramParameter(r,i.LINK_STATUS);if(!a)throw i.deleteProgram(r),new Error("loadProgram: error while linking the program.");return r}function et(i){var n=i.gl,r=i.buffer,e=i.program,t=i.vertexShader,a=i.fragmentShader;n.deleteShader(t),n.deleteShader(a),n.deleteProgram(e),n.deleteBuffer(r)}var St=`#define PICKING_MODE
`,Kr=f(f(f(f(f(f(f(f({},WebGL2RenderingContext.BOOL,1),WebGL2RenderingContext.BYTE,1),WebGL2RenderingContext.UNSIGNED_BYTE,1),WebGL2RenderingContext.SHORT,2),WebGL2RenderingContext.UNSIGNED_SHORT,2),WebGL2RenderingContext.INT,4),WebGL2RenderingContext.UNSIGNED_INT,4),WebGL2RenderingContext.FLOAT,4);var tt=function(){function i(n,r,e){L(this,i),f(this,"array",new Float32Array),f(this,"constantArray",new Float32Array),f(this,"capacity",0),f(this,"verticesCount",0);var t=this.getDefinition();if(this.VERTICES=t.VERTICES,this.VERTEX_SHADER_SOURCE=t.VERTEX_SHADER_SOURCE,this.FRAGMENT_SHADER_SOURCE=t.FRAGMENT_SHADER_SOURCE,this.UNIFORMS=t.UNIFORMS,this.ATTRIBUTES=t.ATTRIBUTES,this.METHOD=t.METHOD,this.CONSTANT_ATTRIBUTES="CONSTANT_ATTRIBUTES"in t?t.CONSTANT_ATTRIBUTES:[],this.CONSTANT_DATA="CONSTANT_DATA"in t?t.CONSTANT_DATA:[],this.isInstanced="CONSTANT_ATTRIBUTES"in t,this.ATTRIBUTES_ITEMS_COUNT=Se(this.ATTRIBUTES),this.STRIDE=this.VERTICES*this.ATTRIBUTES_ITEMS_COUNT,this.renderer=e,this.normalProgram=this.getProgramInfo("normal",n,t.VERTEX_SHADER_SOURCE,t.FRAGMENT_SHADER_SOURCE,null),this.pickProgram=r?this.getProgramInfo("pick",n,St+t.VERTEX_SHADER_SOURCE,St+t.FRAGMENT_SHADER_SOURCE,r):null,this.isInstanced){var a=Se(this.CONSTANT_ATTRIBUTES);if(this.CONSTANT_DATA.length!==this.VERTICES)throw new Error("Program: error while getting constant data (expected ".concat(this.VERTICES," items, received ").concat(this.CONSTANT_DATA.length," instead)"));this.constantArray=new Float32Array(this.CONSTANT_DATA.length*a);for(var o=0;o<this.CONSTANT_DATA.length;o++){var s=this.CONSTANT_DATA[o];if(s.length!==a)throw new Error("Program: error while getting constant data (one vector has ".concat(s.length," items instead of ").concat(a,")"));for(var l=0;l<s.length;l++)this.constantArray[o*a+l]=s[l]}this.STRIDE=this.ATTRIBUTES_ITEMS_COUNT}}return P(i,[{key:"kill",value:function(){et(this.normalProgram),this.pickProgram&&(et(this.pickProgram),this.pickProgram=null)}},{key:"getProgramInfo",value:function(r,e,t,a,o){var s=this.getDefinition(),l=e.createBuffer();if(l===null)throw new Error("Program: error while creating the WebGL buffer.");var u=Dt(e,t),h=Ot(e,a),c=It(e,[u,h]),d={};s.UNIFORMS.forEach(function(g){var p=e.getUniformLocation(c,g);p&&(d[g]=p)});var v={};s.ATTRIBUTES.forEach(function(g){v[g.name]=e.getAttribLocation(c,g.name)});var m;if("CONSTANT_ATTRIBUTES"in s&&(s.CONSTANT_ATTRIBUTES.forEach(function(g){v[g.name]=e.getAttribLocation(c,g.name)}),m=e.createBuffer(),m===null))throw new Error("Program: error while creating the WebGL constant buffer.");return{name:r,program:c,gl:e,frameBuffer:o,buffer:l,constantBuffer:m||{},uniformLocations:d,attributeLocations:v,isPicking:r==="pick",vertexShader:u,fragmentShader:h}}},{key:"bindProgram",value:function(r){var e=this,t=0,a=r.gl,o=r.buffer;this.isInstanced?(a.bindBuffer(a.ARRAY_BUFFER,r.constantBuffer),t=0,this.CONSTANT_ATTRIBUTES.forEach(function(s){return t+=e.bindAttribute(s,r,t,!1)}),a.bufferData(a.ARRAY_BUFFER,this.constantArray,a.STATIC_DRAW),a.bindBuffer(a.ARRAY_BUFFER,r.buffer),t=0,this.ATTRIBUTES.forEach(function(s){return t+=e.bindAttribute(s,r,t,!0)}),a.bufferData(a.ARRAY_BUFFER,this.array,a.DYNAMIC_DRAW)):(a.bindBuffer(a.ARRAY_BUFFER,o),t=0,this.ATTRIBUTES.forEach(function(s){return t+=e.bindAttribute(s,r,t)}),a.bufferData(a.ARRAY_BUFFER,this.array,a.DYNAMIC_DRAW)),a.bindBuffer(a.ARRAY_BUFFER,null)}},{key:"unbindProgram",value:function(r){var e=this;this.isInstanced?(this.CONSTANT_ATTRIBUTES.forEach(function(t){return e.unbindAttribute(t,r,!1)}),this.ATTRIBUTES.forEach(function(t){return e.unbindAttribute(t,r,!0)})):this.ATTRIBUTES.forEach(function(t){return e.unbindAttribute(t,r)})}},{key:"bindAttribute",value:function(r,e,t,a){var o=Kr[r.type];if(typeof o!="number")throw new Error('Program.bind: yet unsupported attribute type "'.concat(r.type,'"'));var s=e.attributeLocations[r.name],l=e.gl;if(s!==-1){l.enableVertexAttribArray(s);var u=this.isInstanced?(a?this.ATTRIBUTES_ITEMS_COUNT:Se(this.CONSTANT_ATTRIBUTES))*Float32Array.BYTES_PER_ELEMENT:this.ATTRIBUTES_ITEMS_COUNT*Float32Array.BYTES_PER_ELEMENT;if(l.vertexAttribPointer(s,r.size,r.type,r.normalized||!1,u,t),this.isInstanced&&a)if(l instanceof WebGL2RenderingContext)l.vertexAttribDivisor(s,1);else{var h=l.getExtension("ANGLE_instanced_arrays");h&&h.vertexAttribDivisorANGLE(s,1)}}return r.size*o}},{key:"unbindAttribute",value:function(r,e,t){var a=e.attributeLocations[r.name],o=e.gl;if(a!==-1&&(o.disableVertexAttribArray(a),this.isInstanced&&t))if(o instanceof WebGL2RenderingContext)o.vertexAttribDivisor(a,0);else{var s=o.getExtension("ANGLE_instanced_arrays");s&&s.vertexAttribDivisorANGLE(a,0)}}},{key:"reallocate",value:function(r){r!==this.capacity&&(this.capacity=r,this.verticesCount=this.VERTICES*r,this.array=new Float32Array(this.isInstanced?this.capacity*this.ATTRIBUTES_ITEMS_COUNT:this.verticesCount*this.ATTRIBUTES_ITEMS_COUNT))}},{key:"hasNothingToRender",value:function(){return this.verticesCount===0}},{key:"renderProgram",value:function(r,e){var t=e.gl,a=e.program;t.enable(t.BLEND),t.useProgram(a),this.setUniforms(r,e),this.drawWebGL(this.METHOD,e)}},{key:"render",value:function(r){this.hasNothingToRender()||(this.pickProgram&&(this.pickProgram.gl.viewport(0,0,r.width*r.pixelRatio/r.downSizingRatio,r.height*r.pixelRatio/r.downSizingRatio),this.bindProgram(this.pickProgram),this.renderProgram(y(y({},r),{},{pixelRatio:r.pixelRatio/r.downSizingRatio}),this.pickProgram),this.unbindProgram(this.pickProgram)),this.normalProgram.gl.viewport(0,0,r.width*r.pixelRatio,r.height*r.pixelRatio),this.bindProgram(this.normalProgram),this.renderProgram(r,this.normalProgram),this.unbindProgram(this.normalProgram))}},{key:"drawWebGL",value:function(r,e){var t=e.gl,a=e.frameBuffer;if(t.bindFramebuffer(t.FRAMEBUFFER,a),!this.isInstanced)t.drawArrays(r,0,this.verticesCount);else if(t instanceof WebGL2RenderingContext)t.drawArraysInstanced(r,0,this.VERTICES,this.capacity);else{var o=t.getExtension("ANGLE_instanced_arrays");o&&o.drawArraysInstancedANGLE(r,0,this.VERTICES,this.capacity)}}}])}();var rt=function(i){function n(){return L(this,n),O(this,n,arguments)}return I(n,i),P(n,[{key:"kill",value:function(){kt(n,"kill",this,3)([])}},{key:"process",value:function(e,t,a){var o=t*this.STRIDE;if(a.hidden){for(var s=o+this.STRIDE;o<s;o++)this.array[o]=0;return}return this.processVisibleItem(Te(e),o,a)}}])}(tt);var J=function(i){function n(){var r;L(this,n);for(var e=arguments.length,t=new Array(e),a=0;a<e;a++)t[a]=arguments[a];return r=O(this,n,[].concat(t)),f(r,"drawLabel",void 0),r}return I(n,i),P(n,[{key:"kill",value:function(){kt(n,"kill",this,3)([])}},{key:"process",value:function(e,t,a,o,s){var l=t*this.STRIDE;if(s.hidden||a.hidden||o.hidden){for(var u=l+this.STRIDE;l<u;l++)this.array[l]=0;return}return this.processVisibleItem(Te(e),l,a,o,s)}}])}(tt);function we(i,n){return function(){function r(e,t,a){L(this,r),f(this,"drawLabel",n),this.programs=i.map(function(o){return new o(e,t,a)})}return P(r,[{key:"reallocate",value:function(t){this.programs.forEach(function(a){return a.reallocate(t)})}},{key:"process",value:function(t,a,o,s,l){this.programs.forEach(function(u){return u.process(t,a,o,s,l)})}},{key:"render",value:function(t){this.programs.forEach(function(a){return a.render(t)})}},{key:"kill",value:function(){this.programs.forEach(function(t){return t.kill()})}}])}()}function it(i,n,r,e,t){var a=t.edgeLabelSize,o=t.edgeLabelFont,s=t.edgeLabelWeight,l=t.edgeLabelColor.attribute?n[t.edgeLabelColor.attribute]||t.edgeLabelColor.color||"#000":t.edgeLabelColor.color,u=n.label;if(u){i.fillStyle=l,i.font="".concat(s," ").concat(a,"px ").concat(o);var h=r.size,c=e.size,d=r.x,v=r.y,m=e.x,g=e.y,p=(d+m)/2,T=(v+g)/2,_=m-d,b=g-v,E=Math.sqrt(_*_+b*b);if(!(E<h+c)){d+=_*h/E,v+=b*h/E,m-=_*c/E,g-=b*c/E,p=(d+m)/2,T=(v+g)/2,_=m-d,b=g-v,E=Math.sqrt(_*_+b*b);var x=i.measureText(u).width;if(x>E){var C="\u2026";for(u=u+C,x=i.measureText(u).width;x>E&&u.length>1;)u=u.slice(0,-2)+C,x=i.measureText(u).width;if(u.length<4)return}var R;_>0?b>0?R=Math.acos(_/E):R=Math.asin(b/E):b>0?R=Math.acos(_/E)+Math.PI:R=Math.asin(_/E)+Math.PI/2,i.save(),i.translate(p,T),i.rotate(R),i.fillText(u,-x/2,n.size/2+a),i.restore()}}}function Ae(i,n,r){if(n.label){var e=r.labelSize,t=r.labelFont,a=r.labelWeight,o=r.labelColor.attribute?n[r.labelColor.attribute]||r.labelColor.color||"#000":r.labelColor.color;i.fillStyle=o,i.font="".concat(a," ").concat(e,"px ").concat(t),i.fillText(n.label,n.x+n.size+3,n.y+e/3)}}function nt(i,n,r){var e=r.labelSize,t=r.labelFont,a=r.labelWeight;i.font="".concat(a," ").concat(e,"px ").concat(t),i.fillStyle="#FFF",i.shadowOffsetX=0,i.shadowOffsetY=0,i.shadowBlur=8,i.shadowColor="#000";var o=2;if(typeof n.label=="string"){var s=i.measureText(n.label).width,l=Math.round(s+5),u=Math.round(e+2*o),h=Math.max(n.size,e/2)+o,c=Math.asin(u/2/h),d=Math.sqrt(Math.abs(Math.pow(h,2)-Math.pow(u/2,2)));i.beginPath(),i.moveTo(n.x+d,n.y+u/2),i.lineTo(n.x+h+l,n.y+u/2),i.lineTo(n.x+h+l,n.y-u/2),i.lineTo(n.x+d,n.y-u/2),i.arc(n.x,n.y,h,c,-c),i.closePath(),i.fill()}else i.beginPath(),i.arc(n.x,n.y,n.size+o,0,Math.PI*2),i.closePath(),i.fill();i.shadowOffsetX=0,i.shadowOffsetY=0,i.shadowBlur=0,Ae(i,n,r)}var Qr=`
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float border = u_correctionRatio * 2.0;
  float dist = length(v_diffVector) - v_radius + border;

  // No antialiasing for picking mode:
  #ifdef PICKING_MODE
  if (dist > border)
    gl_FragColor = transparent;
  else
    gl_FragColor = v_color;

  #else
  float t = 0.0;
  if (dist > border)
    t = 1.0;
  else if (dist > 0.0)
    t = dist / border;

  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`,Jr=Qr,ei=`
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_angle;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
varying float v_border;

const float bias = 255.0 / 254.0;

void main() {
  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;
  vec2 diffVector = size * vec2(cos(a_angle), sin(a_angle));
  vec2 position = a_position + diffVector;
  gl_Position = vec4(
    (u_matrix * vec3(position, 1)).xy,
    0,
    1
  );

  v_diffVector = diffVector;
  v_radius = size / 2.0;

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`,ti=ei,zt=WebGLRenderingContext,wt=zt.UNSIGNED_BYTE,Qe=zt.FLOAT,ri=["u_sizeRatio","u_correctionRatio","u_matrix"],ce=function(i){function n(){return L(this,n),O(this,n,arguments)}return I(n,i),P(n,[{key:"getDefinition",value:function(){return{VERTICES:3,VERTEX_SHADER_SOURCE:ti,FRAGMENT_SHADER_SOURCE:Jr,METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:ri,ATTRIBUTES:[{name:"a_position",size:2,type:Qe},{name:"a_size",size:1,type:Qe},{name:"a_color",size:4,type:wt,normalized:!0},{name:"a_id",size:4,type:wt,normalized:!0}],CONSTANT_ATTRIBUTES:[{name:"a_angle",size:1,type:Qe}],CONSTANT_DATA:[[n.ANGLE_1],[n.ANGLE_2],[n.ANGLE_3]]}}},{key:"processVisibleItem",value:function(e,t,a){var o=this.array,s=W(a.color);o[t++]=a.x,o[t++]=a.y,o[t++]=a.size,o[t++]=s,o[t++]=e}},{key:"setUniforms",value:function(e,t){var a=t.gl,o=t.uniformLocations,s=o.u_sizeRatio,l=o.u_correctionRatio,u=o.u_matrix;a.uniform1f(l,e.correctionRatio),a.uniform1f(s,e.sizeRatio),a.uniformMatrix3fv(u,!1,e.matrix)}}])}(rt);f(ce,"ANGLE_1",0);f(ce,"ANGLE_2",2*Math.PI/3);f(ce,"ANGLE_3",4*Math.PI/3);var ii=`
precision mediump float;

varying vec4 v_color;

void main(void) {
  gl_FragColor = v_color;
}
`,ni=ii,ai=`
attribute vec2 a_position;
attribute vec2 a_normal;
attribute float a_radius;
attribute vec3 a_barycentric;

#ifdef PICKING_MODE
attribute vec4 a_id;
#else
attribute vec4 a_color;
#endif

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_widenessToThicknessRatio;

varying vec4 v_color;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;

  float normalLength = length(a_normal);
  vec2 unitNormal = a_normal / normalLength;

  // These first computations are taken from edge.vert.glsl and
  // edge.clamped.vert.glsl. Please read it to get better comments on what's
  // happening:
  float pixelsThickness = max(normalLength / u_sizeRatio, minThickness);
  float webGLThickness = pixelsThickness * u_correctionRatio;
  float webGLNodeRadius = a_radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  float webGLArrowHeadThickness = webGLThickness * u_widenessToThicknessRatio;

  float da = a_barycentric.x;
  float db = a_barycentric.y;
  float dc = a_barycentric.z;

  vec2 delta = vec2(
      da * (webGLNodeRadius * unitNormal.y)
    + db * ((webGLNodeRadius + webGLArrowHeadLength) * unitNormal.y + webGLArrowHeadThickness * unitNormal.x)
    + dc * ((webGLNodeRadius + webGLArrowHeadLength) * unitNormal.y - webGLArrowHeadThickness * unitNormal.x),

      da * (-webGLNodeRadius * unitNormal.x)
    + db * (-(webGLNodeRadius + webGLArrowHeadLength) * unitNormal.x + webGLArrowHeadThickness * unitNormal.y)
    + dc * (-(webGLNodeRadius + webGLArrowHeadLength) * unitNormal.x - webGLArrowHeadThickness * unitNormal.y)
  );

  vec2 position = (u_matrix * vec3(a_position + delta, 1)).xy;

  gl_Position = vec4(position, 0, 1);

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`,oi=ai,Gt=WebGLRenderingContext,At=Gt.UNSIGNED_BYTE,xe=Gt.FLOAT,si=["u_matrix","u_sizeRatio","u_correctionRatio","u_minEdgeThickness","u_lengthToThicknessRatio","u_widenessToThicknessRatio"],ee={extremity:"target",lengthToThicknessRatio:2.5,widenessToThicknessRatio:2};function de(i){var n=y(y({},ee),i||{});return function(r){function e(){return L(this,e),O(this,e,arguments)}return I(e,r),P(e,[{key:"getDefinition",value:function(){return{VERTICES:3,VERTEX_SHADER_SOURCE:oi,FRAGMENT_SHADER_SOURCE:ni,METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:si,ATTRIBUTES:[{name:"a_position",size:2,type:xe},{name:"a_normal",size:2,type:xe},{name:"a_radius",size:1,type:xe},{name:"a_color",size:4,type:At,normalized:!0},{name:"a_id",size:4,type:At,normalized:!0}],CONSTANT_ATTRIBUTES:[{name:"a_barycentric",size:3,type:xe}],CONSTANT_DATA:[[1,0,0],[0,1,0],[0,0,1]]}}},{key:"processVisibleItem",value:function(a,o,s,l,u){if(n.extremity==="source"){var h=[l,s];s=h[0],l=h[1]}var c=u.size||1,d=l.size||1,v=s.x,m=s.y,g=l.x,p=l.y,T=W(u.color),_=g-v,b=p-m,E=_*_+b*b,x=0,C=0;E&&(E=1/Math.sqrt(E),x=-b*E*c,C=_*E*c);var R=this.array;R[o++]=g,R[o++]=p,R[o++]=-x,R[o++]=-C,R[o++]=d,R[o++]=T,R[o++]=a}},{key:"setUniforms",value:function(a,o){var s=o.gl,l=o.uniformLocations,u=l.u_matrix,h=l.u_sizeRatio,c=l.u_correctionRatio,d=l.u_minEdgeThickness,v=l.u_lengthToThicknessRatio,m=l.u_widenessToThicknessRatio;s.uniformMatrix3fv(u,!1,a.matrix),s.uniform1f(h,a.sizeRatio),s.uniform1f(c,a.correctionRatio),s.uniform1f(d,a.minEdgeThickness),s.uniform1f(v,n.lengthToThicknessRatio),s.uniform1f(m,n.widenessToThicknessRatio)}}])}(J)}var Rn=de();var li=`
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  // We only handle antialiasing for normal mode:
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  float dist = length(v_normal) * v_thickness;

  float t = smoothstep(
    v_thickness - v_feather,
    v_thickness,
    dist
  );

  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`,Le=li,ui=`
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;

  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;

  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  // These first computations are taken from edge.vert.glsl. Please read it to
  // get better comments on what's happening:
  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // Here, we move the point to leave space for the arrow head:
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;

  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);

  // Here is the proper position of the vertex
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  v_thickness = webGLThickness / u_zoomRatio;

  v_normal = unitNormal;

  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`,hi=ui,Mt=WebGLRenderingContext,Lt=Mt.UNSIGNED_BYTE,se=Mt.FLOAT,ci=["u_matrix","u_zoomRatio","u_sizeRatio","u_correctionRatio","u_pixelRatio","u_feather","u_minEdgeThickness","u_lengthToThicknessRatio"],Ut={lengthToThicknessRatio:ee.lengthToThicknessRatio};function at(i){var n=y(y({},Ut),i||{});return function(r){function e(){return L(this,e),O(this,e,arguments)}return I(e,r),P(e,[{key:"getDefinition",value:function(){return{VERTICES:6,VERTEX_SHADER_SOURCE:hi,FRAGMENT_SHADER_SOURCE:Le,METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:ci,ATTRIBUTES:[{name:"a_positionStart",size:2,type:se},{name:"a_positionEnd",size:2,type:se},{name:"a_normal",size:2,type:se},{name:"a_color",size:4,type:Lt,normalized:!0},{name:"a_id",size:4,type:Lt,normalized:!0},{name:"a_radius",size:1,type:se}],CONSTANT_ATTRIBUTES:[{name:"a_positionCoef",size:1,type:se},{name:"a_normalCoef",size:1,type:se},{name:"a_radiusCoef",size:1,type:se}],CONSTANT_DATA:[[0,1,0],[0,-1,0],[1,1,1],[1,1,1],[0,-1,0],[1,-1,-1]]}}},{key:"processVisibleItem",value:function(a,o,s,l,u){var h=u.size||1,c=s.x,d=s.y,v=l.x,m=l.y,g=W(u.color),p=v-c,T=m-d,_=l.size||1,b=p*p+T*T,E=0,x=0;b&&(b=1/Math.sqrt(b),E=-T*b*h,x=p*b*h);var C=this.array;C[o++]=c,C[o++]=d,C[o++]=v,C[o++]=m,C[o++]=E,C[o++]=x,C[o++]=g,C[o++]=a,C[o++]=_}},{key:"setUniforms",value:function(a,o){var s=o.gl,l=o.uniformLocations,u=l.u_matrix,h=l.u_zoomRatio,c=l.u_feather,d=l.u_pixelRatio,v=l.u_correctionRatio,m=l.u_sizeRatio,g=l.u_minEdgeThickness,p=l.u_lengthToThicknessRatio;s.uniformMatrix3fv(u,!1,a.matrix),s.uniform1f(h,a.zoomRatio),s.uniform1f(m,a.sizeRatio),s.uniform1f(v,a.correctionRatio),s.uniform1f(d,a.pixelRatio),s.uniform1f(c,a.antiAliasingFeather),s.uniform1f(g,a.minEdgeThickness),s.uniform1f(p,n.lengthToThicknessRatio)}}])}(J)}var Cn=at();function Bt(i){return we([at(i),de(i)])}var di=Bt(),ot=di,fi=`
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;

  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;

  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  // We require edges to be at least "minThickness" pixels thick *on screen*
  // (so we need to compensate the size ratio):
  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);

  // Then, we need to retrieve the normalized thickness of the edge in the WebGL
  // referential (in a ([0, 1], [0, 1]) space), using our "magic" correction
  // ratio:
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // Here is the proper position of the vertex
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness, 1)).xy, 0, 1);

  // For the fragment shader though, we need a thickness that takes the "magic"
  // correction ratio into account (as in webGLThickness), but so that the
  // antialiasing effect does not depend on the zoom level. So here's yet
  // another thickness version:
  v_thickness = webGLThickness / u_zoomRatio;

  v_normal = unitNormal;

  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`,vi=fi,Ht=WebGLRenderingContext,Pt=Ht.UNSIGNED_BYTE,me=Ht.FLOAT,gi=["u_matrix","u_zoomRatio","u_sizeRatio","u_correctionRatio","u_pixelRatio","u_feather","u_minEdgeThickness"],st=function(i){function n(){return L(this,n),O(this,n,arguments)}return I(n,i),P(n,[{key:"getDefinition",value:function(){return{VERTICES:6,VERTEX_SHADER_SOURCE:vi,FRAGMENT_SHADER_SOURCE:Le,METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:gi,ATTRIBUTES:[{name:"a_positionStart",size:2,type:me},{name:"a_positionEnd",size:2,type:me},{name:"a_normal",size:2,type:me},{name:"a_color",size:4,type:Pt,normalized:!0},{name:"a_id",size:4,type:Pt,normalized:!0}],CONSTANT_ATTRIBUTES:[{name:"a_positionCoef",size:1,type:me},{name:"a_normalCoef",size:1,type:me}],CONSTANT_DATA:[[0,1],[0,-1],[1,1],[1,1],[0,-1],[1,-1]]}}},{key:"processVisibleItem",value:function(e,t,a,o,s){var l=s.size||1,u=a.x,h=a.y,c=o.x,d=o.y,v=W(s.color),m=c-u,g=d-h,p=m*m+g*g,T=0,_=0;p&&(p=1/Math.sqrt(p),T=-g*p*l,_=m*p*l);var b=this.array;b[t++]=u,b[t++]=h,b[t++]=c,b[t++]=d,b[t++]=T,b[t++]=_,b[t++]=v,b[t++]=e}},{key:"setUniforms",value:function(e,t){var a=t.gl,o=t.uniformLocations,s=o.u_matrix,l=o.u_zoomRatio,u=o.u_feather,h=o.u_pixelRatio,c=o.u_correctionRatio,d=o.u_sizeRatio,v=o.u_minEdgeThickness;a.uniformMatrix3fv(s,!1,e.matrix),a.uniform1f(l,e.zoomRatio),a.uniform1f(d,e.sizeRatio),a.uniform1f(c,e.correctionRatio),a.uniform1f(h,e.pixelRatio),a.uniform1f(u,e.antiAliasingFeather),a.uniform1f(v,e.minEdgeThickness)}}])}(J);var Jt=ue(ut()),Ne=function(i){function n(){var r;return L(this,n),r=O(this,n),r.rawEmitter=r,r}return I(n,i),P(n)}(Jt.EventEmitter);var rr=ue(Ye());var Ti=function(n){return n},Ri=function(n){return n*n},Ci=function(n){return n*(2-n)},xi=function(n){return(n*=2)<1?.5*n*n:-.5*(--n*(n-2)-1)},Si=function(n){return n*n*n},wi=function(n){return--n*n*n+1},Ai=function(n){return(n*=2)<1?.5*n*n*n:.5*((n-=2)*n*n+2)},ir={linear:Ti,quadraticIn:Ri,quadraticOut:Ci,quadraticInOut:xi,cubicIn:Si,cubicOut:wi,cubicInOut:Ai},nr={easing:"quadraticInOut",duration:150};function H(){return Float32Array.of(1,0,0,0,1,0,0,0,1)}function Fe(i,n,r){return i[0]=n,i[4]=typeof r=="number"?r:n,i}function er(i,n){var r=Math.sin(n),e=Math.cos(n);return i[0]=e,i[1]=r,i[3]=-r,i[4]=e,i}function tr(i,n,r){return i[6]=n,i[7]=r,i}function te(i,n){var r=i[0],e=i[1],t=i[2],a=i[3],o=i[4],s=i[5],l=i[6],u=i[7],h=i[8],c=n[0],d=n[1],v=n[2],m=n[3],g=n[4],p=n[5],T=n[6],_=n[7],b=n[8];return i[0]=c*r+d*a+v*l,i[1]=c*e+d*o+v*u,i[2]=c*t+d*s+v*h,i[3]=m*r+g*a+p*l,i[4]=m*e+g*o+p*u,i[5]=m*t+g*s+p*h,i[6]=T*r+_*a+b*l,i[7]=T*e+_*o+b*u,i[8]=T*t+_*s+b*h,i}function De(i,n){var r=arguments.length>2&&arguments[2]!==void 0?arguments[2]:1,e=i[0],t=i[1],a=i[3],o=i[4],s=i[6],l=i[7],u=n.x,h=n.y;return{x:u*e+h*a+s*r,y:u*t+h*o+l*r}}function Li(i,n){var r=i.height/i.width,e=n.height/n.width;return r<1&&e>1||r>1&&e<1?1:Math.min(Math.max(e,1/e),Math.max(1/r,r))}function ve(i,n,r,e,t){var a=i.angle,o=i.ratio,s=i.x,l=i.y,u=n.width,h=n.height,c=H(),d=Math.min(u,h)-2*e,v=Li(n,r);return t?(te(c,tr(H(),s,l)),te(c,Fe(H(),o)),te(c,er(H(),a)),te(c,Fe(H(),u/d/2/v,h/d/2/v))):(te(c,Fe(H(),2*(d/u)*v,2*(d/h)*v)),te(c,er(H(),-a)),te(c,Fe(H(),1/o)),te(c,tr(H(),-s,-l))),c}function ar(i,n,r){var e=De(i,{x:Math.cos(n.angle),y:Math.sin(n.angle)},0),t=e.x,a=e.y;return 1/Math.sqrt(Math.pow(t,2)+Math.pow(a,2))/r.width}function or(i){if(!i.order)return{x:[0,1],y:[0,1]};var n=1/0,r=-1/0,e=1/0,t=-1/0;return i.forEachNode(function(a,o){var s=o.x,l=o.y;s<n&&(n=s),s>r&&(r=s),l<e&&(e=l),l>t&&(t=l)}),{x:[n,r],y:[e,t]}}function sr(i){if(!(0,rr.default)(i))throw new Error("Sigma: invalid graph instance.");i.forEachNode(function(n,r){if(!Number.isFinite(r.x)||!Number.isFinite(r.y))throw new Error("Sigma: Coordinates of node ".concat(n," are invalid. A node must have a numeric 'x' and 'y' attribute."))})}function lr(i,n,r){var e=document.createElement(i);if(n)for(var t in n)e.style[t]=n[t];if(r)for(var a in r)e.setAttribute(a,r[a]);return e}function ht(){return typeof window.devicePixelRatio<"u"?window.devicePixelRatio:1}function ct(i,n,r){return r.sort(function(e,t){var a=n(e)||0,o=n(t)||0;return a<o?-1:a>o?1:0})}function dt(i){var n=Q(i.x,2),r=n[0],e=n[1],t=Q(i.y,2),a=t[0],o=t[1],s=Math.max(e-r,o-a),l=(e+r)/2,u=(o+a)/2;(s===0||Math.abs(s)===1/0||isNaN(s))&&(s=1),isNaN(l)&&(l=0),isNaN(u)&&(u=0);var h=function(d){return{x:.5+(d.x-l)/s,y:.5+(d.y-u)/s}};return h.applyTo=function(c){c.x=.5+(c.x-l)/s,c.y=.5+(c.y-u)/s},h.inverse=function(c){return{x:l+s*(c.x-.5),y:u+s*(c.y-.5)}},h.ratio=s,h}function Oe(i){"@babel/helpers - typeof";return Oe=typeof Symbol=="function"&&typeof Symbol.iterator=="symbol"?function(n){return typeof n}:function(n){return n&&typeof Symbol=="function"&&n.constructor===Symbol&&n!==Symbol.prototype?"symbol":typeof n},Oe(i)}function ft(i,n){var r=n.size;if(r!==0){var e=i.length;i.length+=r;var t=0;n.forEach(function(a){i[e+t]=a,t++})}}function Ie(i){i=i||{};for(var n=0,r=arguments.length<=1?0:arguments.length-1;n<r;n++){var e=n+1<1||arguments.length<=n+1?void 0:arguments[n+1];e&&Object.assign(i,e)}return i}var ze={hideEdgesOnMove:!1,hideLabelsOnMove:!1,renderLabels:!0,renderEdgeLabels:!1,enableEdgeEvents:!1,defaultNodeColor:"#999",defaultNodeType:"circle",defaultEdgeColor:"#ccc",defaultEdgeType:"line",labelFont:"Arial",labelSize:14,labelWeight:"normal",labelColor:{color:"#000"},edgeLabelFont:"Arial",edgeLabelSize:14,edgeLabelWeight:"normal",edgeLabelColor:{attribute:"color"},stagePadding:30,defaultDrawEdgeLabel:it,defaultDrawNodeLabel:Ae,defaultDrawNodeHover:nt,minEdgeThickness:1.7,antiAliasingFeather:1,dragTimeout:100,draggedEventsTolerance:3,inertiaDuration:200,inertiaRatio:3,zoomDuration:250,zoomingRatio:1.7,doubleClickTimeout:300,doubleClickZoomingRatio:2.2,doubleClickZoomingDuration:200,tapMoveTolerance:10,zoomToSizeRatioFunction:Math.sqrt,itemSizesReference:"screen",autoRescale:!0,autoCenter:!0,labelDensity:1,labelGridCellSize:100,labelRenderedSizeThreshold:6,nodeReducer:null,edgeReducer:null,zIndex:!1,minCameraRatio:null,maxCameraRatio:null,enableCameraZooming:!0,enableCameraPanning:!0,enableCameraRotation:!0,cameraPanBoundaries:null,allowInvalidContainer:!1,nodeProgramClasses:{},nodeHoverProgramClasses:{},edgeProgramClasses:{}},Pi={circle:ce},ki={arrow:ot,line:st};function Ge(i){if(typeof i.labelDensity!="number"||i.labelDensity<0)throw new Error("Settings: invalid `labelDensity`. Expecting a positive number.");var n=i.minCameraRatio,r=i.maxCameraRatio;if(typeof n=="number"&&typeof r=="number"&&r<n)throw new Error("Settings: invalid camera ratio boundaries. Expecting `maxCameraRatio` to be greater than `minCameraRatio`.")}function ur(i){var n=Ie({},ze,i);return n.nodeProgramClasses=Ie({},Pi,n.nodeProgramClasses),n.edgeProgramClasses=Ie({},ki,n.edgeProgramClasses),n}var Hn=ue(ut()),Vn=ue(Ye()),Me=1.5,hr=function(i){function n(){var r;return L(this,n),r=O(this,n),f(r,"x",.5),f(r,"y",.5),f(r,"angle",0),f(r,"ratio",1),f(r,"minRatio",null),f(r,"maxRatio",null),f(r,"enabledZooming",!0),f(r,"enabledPanning",!0),f(r,"enabledRotation",!0),f(r,"clean",null),f(r,"nextFrame",null),f(r,"previousState",null),f(r,"enabled",!0),r.previousState=r.getState(),r}return I(n,i),P(n,[{key:"enable",value:function(){return this.enabled=!0,this}},{key:"disable",value:function(){return this.enabled=!1,this}},{key:"getState",value:function(){return{x:this.x,y:this.y,angle:this.angle,ratio:this.ratio}}},{key:"hasState",value:function(e){return this.x===e.x&&this.y===e.y&&this.ratio===e.ratio&&this.angle===e.angle}},{key:"getPreviousState",value:function(){var e=this.previousState;return e?{x:e.x,y:e.y,angle:e.angle,ratio:e.ratio}:null}},{key:"getBoundedRatio",value:function(e){var t=e;return typeof this.minRatio=="number"&&(t=Math.max(t,this.minRatio)),typeof this.maxRatio=="number"&&(t=Math.min(t,this.maxRatio)),t}},{key:"validateState",value:function(e){var t={};return this.enabledPanning&&typeof e.x=="number"&&(t.x=e.x),this.enabledPanning&&typeof e.y=="number"&&(t.y=e.y),this.enabledZooming&&typeof e.ratio=="number"&&(t.ratio=this.getBoundedRatio(e.ratio)),this.enabledRotation&&typeof e.angle=="number"&&(t.angle=e.angle),this.clean?this.clean(y(y({},this.getState()),t)):t}},{key:"isAnimated",value:function(){return!!this.nextFrame}},{key:"setState",value:function(e){if(!this.enabled)return this;this.previousState=this.getState();var t=this.validateState(e);return typeof t.x=="number"&&(this.x=t.x),typeof t.y=="number"&&(this.y=t.y),typeof t.ratio=="number"&&(this.ratio=t.ratio),typeof t.angle=="number"&&(this.angle=t.angle),this.hasState(this.previousState)||this.emit("updated",this.getState()),this}},{key:"updateState",value:function(e){return this.setState(e(this.getState())),this}},{key:"animate",value:function(e){var t=this,a=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},o=arguments.length>2?arguments[2]:void 0;if(!o)return new Promise(function(v){return t.animate(e,a,v)});if(this.enabled){var s=y(y({},nr),a),l=this.validateState(e),u=typeof s.easing=="function"?s.easing:ir[s.easing],h=Date.now(),c=this.getState(),d=function(){var m=(Date.now()-h)/s.duration;if(m>=1){t.nextFrame=null,t.setState(l),t.animationCallback&&(t.animationCallback.call(null),t.animationCallback=void 0);return}var g=u(m),p={};typeof l.x=="number"&&(p.x=c.x+(l.x-c.x)*g),typeof l.y=="number"&&(p.y=c.y+(l.y-c.y)*g),t.enabledRotation&&typeof l.angle=="number"&&(p.angle=c.angle+(l.angle-c.angle)*g),typeof l.ratio=="number"&&(p.ratio=c.ratio+(l.ratio-c.ratio)*g),t.setState(p),t.nextFrame=requestAnimationFrame(d)};this.nextFrame?(cancelAnimationFrame(this.nextFrame),this.animationCallback&&this.animationCallback.call(null),this.nextFrame=requestAnimationFrame(d)):d(),this.animationCallback=o}}},{key:"animatedZoom",value:function(e){return e?typeof e=="number"?this.animate({ratio:this.ratio/e}):this.animate({ratio:this.ratio/(e.factor||Me)},e):this.animate({ratio:this.ratio/Me})}},{key:"animatedUnzoom",value:function(e){return e?typeof e=="number"?this.animate({ratio:this.ratio*e}):this.animate({ratio:this.ratio*(e.factor||Me)},e):this.animate({ratio:this.ratio*Me})}},{key:"animatedReset",value:function(e){return this.animate({x:.5,y:.5,ratio:1,angle:0},e)}},{key:"copy",value:function(){return n.from(this.getState())}}],[{key:"from",value:function(e){var t=new n;return t.setState(e)}}])}(Ne);function j(i,n){var r=n.getBoundingClientRect();return{x:i.clientX-r.left,y:i.clientY-r.top}}function $(i,n){var r=y(y({},j(i,n)),{},{sigmaDefaultPrevented:!1,preventSigmaDefault:function(){r.sigmaDefaultPrevented=!0},original:i});return r}function pe(i){var n="x"in i?i:y(y({},i.touches[0]||i.previousTouches[0]),{},{original:i.original,sigmaDefaultPrevented:i.sigmaDefaultPrevented,preventSigmaDefault:function(){i.sigmaDefaultPrevented=!0,n.sigmaDefaultPrevented=!0}});return n}function Ni(i,n){return y(y({},$(i,n)),{},{delta:mr(i)})}var Fi=2;function Ue(i){for(var n=[],r=0,e=Math.min(i.length,Fi);r<e;r++)n.push(i[r]);return n}function be(i,n,r){var e={touches:Ue(i.touches).map(function(t){return j(t,r)}),previousTouches:n.map(function(t){return j(t,r)}),sigmaDefaultPrevented:!1,preventSigmaDefault:function(){e.sigmaDefaultPrevented=!0},original:i};return e}function mr(i){if(typeof i.deltaY<"u")return i.deltaY*-3/360;if(typeof i.detail<"u")return i.detail/-9;throw new Error("Captor: could not extract delta from event.")}var pr=function(i){function n(r,e){var t;return L(this,n),t=O(this,n),t.container=r,t.renderer=e,t}return I(n,i),P(n)}(Ne),Di=["doubleClickTimeout","doubleClickZoomingDuration","doubleClickZoomingRatio","dragTimeout","draggedEventsTolerance","inertiaDuration","inertiaRatio","zoomDuration","zoomingRatio"],Oi=Di.reduce(function(i,n){return y(y({},i),{},f({},n,ze[n]))},{}),Ii=function(i){function n(r,e){var t;return L(this,n),t=O(this,n,[r,e]),f(t,"enabled",!0),f(t,"draggedEvents",0),f(t,"downStartTime",null),f(t,"lastMouseX",null),f(t,"lastMouseY",null),f(t,"isMouseDown",!1),f(t,"isMoving",!1),f(t,"movingTimeout",null),f(t,"startCameraState",null),f(t,"clicks",0),f(t,"doubleClickTimeout",null),f(t,"currentWheelDirection",0),f(t,"settings",Oi),t.handleClick=t.handleClick.bind(t),t.handleRightClick=t.handleRightClick.bind(t),t.handleDown=t.handleDown.bind(t),t.handleUp=t.handleUp.bind(t),t.handleMove=t.handleMove.bind(t),t.handleWheel=t.handleWheel.bind(t),t.handleLeave=t.handleLeave.bind(t),t.handleEnter=t.handleEnter.bind(t),r.addEventListener("click",t.handleClick,{capture:!1}),r.addEventListener("contextmenu",t.handleRightClick,{capture:!1}),r.addEventListener("mousedown",t.handleDown,{capture:!1}),r.addEventListener("wheel",t.handleWheel,{capture:!1}),r.addEventListener("mouseleave",t.handleLeave,{capture:!1}),r.addEventListener("mouseenter",t.handleEnter,{capture:!1}),document.addEventListener("mousemove",t.handleMove,{capture:!1}),document.addEventListener("mouseup",t.handleUp,{capture:!1}),t}return I(n,i),P(n,[{key:"kill",value:function(){var e=this.container;e.removeEventListener("click",this.handleClick),e.removeEventListener("contextmenu",this.handleRightClick),e.removeEventListener("mousedown",this.handleDown),e.removeEventListener("wheel",this.handleWheel),e.removeEventListener("mouseleave",this.handleLeave),e.removeEventListener("mouseenter",this.handleEnter),document.removeEventListener("mousemove",this.handleMove),document.removeEventListener("mouseup",this.handleUp)}},{key:"handleClick",value:function(e){var t=this;if(this.enabled){if(this.clicks++,this.clicks===2)return this.clicks=0,typeof this.doubleClickTimeout=="number"&&(clearTimeout(this.doubleClickTimeout),this.doubleClickTimeout=null),this.handleDoubleClick(e);setTimeout(function(){t.clicks=0,t.doubleClickTimeout=null},this.settings.doubleClickTimeout),this.draggedEvents<this.settings.draggedEventsTolerance&&this.emit("click",$(e,this.container))}}},{key:"handleRightClick",value:function(e){this.enabled&&this.emit("rightClick",$(e,this.container))}},{key:"handleDoubleClick",value:function(e){if(this.enabled){e.preventDefault(),e.stopPropagation();var t=$(e,this.container);if(this.emit("doubleClick",t),!t.sigmaDefaultPrevented){var a=this.renderer.getCamera(),o=a.getBoundedRatio(a.getState().ratio/this.settings.doubleClickZoomingRatio);a.animate(this.renderer.getViewportZoomedState(j(e,this.container),o),{easing:"quadraticInOut",duration:this.settings.doubleClickZoomingDuration})}}}},{key:"handleDown",value:function(e){if(this.enabled){if(e.button===0){this.startCameraState=this.renderer.getCamera().getState();var t=j(e,this.container),a=t.x,o=t.y;this.lastMouseX=a,this.lastMouseY=o,this.draggedEvents=0,this.downStartTime=Date.now(),this.isMouseDown=!0}this.emit("mousedown",$(e,this.container))}}},{key:"handleUp",value:function(e){var t=this;if(!(!this.enabled||!this.isMouseDown)){var a=this.renderer.getCamera();this.isMouseDown=!1,typeof this.movingTimeout=="number"&&(clearTimeout(this.movingTimeout),this.movingTimeout=null);var o=j(e,this.container),s=o.x,l=o.y,u=a.getState(),h=a.getPreviousState()||{x:0,y:0};this.isMoving?a.animate({x:u.x+this.settings.inertiaRatio*(u.x-h.x),y:u.y+this.settings.inertiaRatio*(u.y-h.y)},{duration:this.settings.inertiaDuration,easing:"quadraticOut"}):(this.lastMouseX!==s||this.lastMouseY!==l)&&a.setState({x:u.x,y:u.y}),this.isMoving=!1,setTimeout(function(){var c=t.draggedEvents>0;t.draggedEvents=0,c&&t.renderer.getSetting("hideEdgesOnMove")&&t.renderer.refresh()},0),this.emit("mouseup",$(e,this.container))}}},{key:"handleMove",value:function(e){var t=this;if(this.enabled){var a=$(e,this.container);if(this.emit("mousemovebody",a),(e.target===this.container||e.composedPath()[0]===this.container)&&this.emit("mousemove",a),!a.sigmaDefaultPrevented&&this.isMouseDown){this.isMoving=!0,this.draggedEvents++,typeof this.movingTimeout=="number"&&clearTimeout(this.movingTimeout),this.movingTimeout=window.setTimeout(function(){t.movingTimeout=null,t.isMoving=!1},this.settings.dragTimeout);var o=this.renderer.getCamera(),s=j(e,this.container),l=s.x,u=s.y,h=this.renderer.viewportToFramedGraph({x:this.lastMouseX,y:this.lastMouseY}),c=this.renderer.viewportToFramedGraph({x:l,y:u}),d=h.x-c.x,v=h.y-c.y,m=o.getState(),g=m.x+d,p=m.y+v;o.setState({x:g,y:p}),this.lastMouseX=l,this.lastMouseY=u,e.preventDefault(),e.stopPropagation()}}}},{key:"handleLeave",value:function(e){this.emit("mouseleave",$(e,this.container))}},{key:"handleEnter",value:function(e){this.emit("mouseenter",$(e,this.container))}},{key:"handleWheel",value:function(e){var t=this,a=this.renderer.getCamera();if(!(!this.enabled||!a.enabledZooming)){var o=mr(e);if(o){var s=Ni(e,this.container);if(this.emit("wheel",s),s.sigmaDefaultPrevented){e.preventDefault(),e.stopPropagation();return}var l=a.getState().ratio,u=o>0?1/this.settings.zoomingRatio:this.settings.zoomingRatio,h=a.getBoundedRatio(l*u),c=o>0?1:-1,d=Date.now();l!==h&&(e.preventDefault(),e.stopPropagation(),!(this.currentWheelDirection===c&&this.lastWheelTriggerTime&&d-this.lastWheelTriggerTime<this.settings.zoomDuration/5)&&(a.animate(this.renderer.getViewportZoomedState(j(e,this.container),h),{easing:"quadraticOut",duration:this.settings.zoomDuration},function(){t.currentWheelDirection=0}),this.currentWheelDirection=c,this.lastWheelTriggerTime=d))}}}},{key:"setSettings",value:function(e){this.settings=e}}])}(pr),zi=["dragTimeout","inertiaDuration","inertiaRatio","doubleClickTimeout","doubleClickZoomingRatio","doubleClickZoomingDuration","tapMoveTolerance"],Gi=zi.reduce(function(i,n){return y(y({},i),{},f({},n,ze[n]))},{}),Mi=function(i){function n(r,e){var t;return L(this,n),t=O(this,n,[r,e]),f(t,"enabled",!0),f(t,"isMoving",!1),f(t,"hasMoved",!1),f(t,"touchMode",0),f(t,"startTouchesPositions",[]),f(t,"lastTouches",[]),f(t,"lastTap",null),f(t,"settings",Gi),t.handleStart=t.handleStart.bind(t),t.handleLeave=t.handleLeave.bind(t),t.handleMove=t.handleMove.bind(t),r.addEventListener("touchstart",t.handleStart,{capture:!1}),r.addEventListener("touchcancel",t.handleLeave,{capture:!1}),document.addEventListener("touchend",t.handleLeave,{capture:!1,passive:!1}),document.addEventListener("touchmove",t.handleMove,{capture:!1,passive:!1}),t}return I(n,i),P(n,[{key:"kill",value:function(){var e=this.container;e.removeEventListener("touchstart",this.handleStart),e.removeEventListener("touchcancel",this.handleLeave),document.removeEventListener("touchend",this.handleLeave),document.removeEventListener("touchmove",this.handleMove)}},{key:"getDimensions",value:function(){return{width:this.container.offsetWidth,height:this.container.offsetHeight}}},{key:"handleStart",value:function(e){var t=this;if(this.enabled){e.preventDefault();var a=Ue(e.touches);if(this.touchMode=a.length,this.startCameraState=this.renderer.getCamera().getState(),this.startTouchesPositions=a.map(function(v){return j(v,t.container)}),this.touchMode===2){var o=Q(this.startTouchesPositions,2),s=o[0],l=s.x,u=s.y,h=o[1],c=h.x,d=h.y;this.startTouchesAngle=Math.atan2(d-u,c-l),this.startTouchesDistance=Math.sqrt(Math.pow(c-l,2)+Math.pow(d-u,2))}this.emit("touchdown",be(e,this.lastTouches,this.container)),this.lastTouches=a,this.lastTouchesPositions=this.startTouchesPositions}}},{key:"handleLeave",value:function(e){if(!(!this.enabled||!this.startTouchesPositions.length)){switch(e.cancelable&&e.preventDefault(),this.movingTimeout&&(this.isMoving=!1,clearTimeout(this.movingTimeout)),this.touchMode){case 2:if(e.touches.length===1){this.handleStart(e),e.preventDefault();break}case 1:if(this.isMoving){var t=this.renderer.getCamera(),a=t.getState(),o=t.getPreviousState()||{x:0,y:0};t.animate({x:a.x+this.settings.inertiaRatio*(a.x-o.x),y:a.y+this.settings.inertiaRatio*(a.y-o.y)},{duration:this.settings.inertiaDuration,easing:"quadraticOut"})}this.hasMoved=!1,this.isMoving=!1,this.touchMode=0;break}if(this.emit("touchup",be(e,this.lastTouches,this.container)),!e.touches.length){var s=j(this.lastTouches[0],this.container),l=this.startTouchesPositions[0],u=Math.pow(s.x-l.x,2)+Math.pow(s.y-l.y,2);if(!e.touches.length&&u<Math.pow(this.settings.tapMoveTolerance,2))if(this.lastTap&&Date.now()-this.lastTap.time<this.settings.doubleClickTimeout){var h=be(e,this.lastTouches,this.container);if(this.emit("doubletap",h),this.lastTap=null,!h.sigmaDefaultPrevented){var c=this.renderer.getCamera(),d=c.getBoundedRatio(c.getState().ratio/this.settings.doubleClickZoomingRatio);c.animate(this.renderer.getViewportZoomedState(s,d),{easing:"quadraticInOut",duration:this.settings.doubleClickZoomingDuration})}}else{var v=be(e,this.lastTouches,this.container);this.emit("tap",v),this.lastTap={time:Date.now(),position:v.touches[0]||v.previousTouches[0]}}}this.lastTouches=Ue(e.touches),this.startTouchesPositions=[]}}},{key:"handleMove",value:function(e){var t=this;if(!(!this.enabled||!this.startTouchesPositions.length)){e.preventDefault();var a=Ue(e.touches),o=a.map(function(U){return j(U,t.container)}),s=this.lastTouches;this.lastTouches=a,this.lastTouchesPositions=o;var l=be(e,s,this.container);if(this.emit("touchmove",l),!l.sigmaDefaultPrevented&&(this.hasMoved||(this.hasMoved=o.some(function(U,X){var B=t.startTouchesPositions[X];return B&&(U.x!==B.x||U.y!==B.y)})),!!this.hasMoved)){this.isMoving=!0,this.movingTimeout&&clearTimeout(this.movingTimeout),this.movingTimeout=window.setTimeout(function(){t.isMoving=!1},this.settings.dragTimeout);var u=this.renderer.getCamera(),h=this.startCameraState,c=this.renderer.getSetting("stagePadding");switch(this.touchMode){case 1:{var d=this.renderer.viewportToFramedGraph((this.startTouchesPositions||[])[0]),v=d.x,m=d.y,g=this.renderer.viewportToFramedGraph(o[0]),p=g.x,T=g.y;u.setState({x:h.x+v-p,y:h.y+m-T});break}case 2:{var _={x:.5,y:.5,angle:0,ratio:1},b=o[0],E=b.x,x=b.y,C=o[1],R=C.x,F=C.y,w=Math.atan2(F-x,R-E)-this.startTouchesAngle,D=Math.hypot(F-x,R-E)/this.startTouchesDistance,k=u.getBoundedRatio(h.ratio/D);_.ratio=k,_.angle=h.angle+w;var A=this.getDimensions(),z=this.renderer.viewportToFramedGraph((this.startTouchesPositions||[])[0],{cameraState:h}),N=Math.min(A.width,A.height)-2*c,G=N/A.width,M=N/A.height,ie=k/N,q=E-N/2/G,Y=x-N/2/M,V=[q*Math.cos(-_.angle)-Y*Math.sin(-_.angle),Y*Math.cos(-_.angle)+q*Math.sin(-_.angle)];q=V[0],Y=V[1],_.x=z.x-q*ie,_.y=z.y+Y*ie,u.setState(_);break}}}}}},{key:"setSettings",value:function(e){this.settings=e}}])}(pr);function Ui(i){if(Array.isArray(i))return Ee(i)}function Bi(i){if(typeof Symbol<"u"&&i[Symbol.iterator]!=null||i["@@iterator"]!=null)return Array.from(i)}function Hi(){throw new TypeError(`Invalid attempt to spread non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function cr(i){return Ui(i)||Bi(i)||Ze(i)||Hi()}function Vi(i,n){if(i==null)return{};var r={};for(var e in i)if({}.hasOwnProperty.call(i,e)){if(n.includes(e))continue;r[e]=i[e]}return r}function vt(i,n){if(i==null)return{};var r,e,t=Vi(i,n);if(Object.getOwnPropertySymbols){var a=Object.getOwnPropertySymbols(i);for(e=0;e<a.length;e++)r=a[e],n.includes(r)||{}.propertyIsEnumerable.call(i,r)&&(t[r]=i[r])}return t}var dr=function(){function i(n,r){L(this,i),this.key=n,this.size=r}return P(i,null,[{key:"compare",value:function(r,e){return r.size>e.size?-1:r.size<e.size||r.key>e.key?1:-1}}])}(),fr=function(){function i(){L(this,i),f(this,"width",0),f(this,"height",0),f(this,"cellSize",0),f(this,"columns",0),f(this,"rows",0),f(this,"cells",{})}return P(i,[{key:"resizeAndClear",value:function(r,e){this.width=r.width,this.height=r.height,this.cellSize=e,this.columns=Math.ceil(r.width/e),this.rows=Math.ceil(r.height/e),this.cells={}}},{key:"getIndex",value:function(r){var e=Math.floor(r.x/this.cellSize),t=Math.floor(r.y/this.cellSize);return t*this.columns+e}},{key:"add",value:function(r,e,t){var a=new dr(r,e),o=this.getIndex(t),s=this.cells[o];s||(s=[],this.cells[o]=s),s.push(a)}},{key:"organize",value:function(){for(var r in this.cells){var e=this.cells[r];e.sort(dr.compare)}}},{key:"getLabelsToDisplay",value:function(r,e){var t=this.cellSize*this.cellSize,a=t/r/r,o=a*e/t,s=Math.ceil(o),l=[];for(var u in this.cells)for(var h=this.cells[u],c=0;c<Math.min(s,h.length);c++)l.push(h[c].key);return l}}])}();function Wi(i){var n=i.graph,r=i.hoveredNode,e=i.highlightedNodes,t=i.displayedNodeLabels,a=[];return n.forEachEdge(function(o,s,l,u){(l===r||u===r||e.has(l)||e.has(u)||t.has(l)&&t.has(u))&&a.push(o)}),a}var vr=150,gr=50,Z=Object.prototype.hasOwnProperty;function ji(i,n,r){if(!Z.call(r,"x")||!Z.call(r,"y"))throw new Error('Sigma: could not find a valid position (x, y) for node "'.concat(n,'". All your nodes must have a number "x" and "y". Maybe your forgot to apply a layout or your "nodeReducer" is not returning the correct data?'));return r.color||(r.color=i.defaultNodeColor),!r.label&&r.label!==""&&(r.label=null),r.label!==void 0&&r.label!==null?r.label=""+r.label:r.label=null,r.size||(r.size=2),Z.call(r,"hidden")||(r.hidden=!1),Z.call(r,"highlighted")||(r.highlighted=!1),Z.call(r,"forceLabel")||(r.forceLabel=!1),(!r.type||r.type==="")&&(r.type=i.defaultNodeType),r.zIndex||(r.zIndex=0),r}function Yi(i,n,r){return r.color||(r.color=i.defaultEdgeColor),r.label||(r.label=""),r.size||(r.size=.5),Z.call(r,"hidden")||(r.hidden=!1),Z.call(r,"forceLabel")||(r.forceLabel=!1),(!r.type||r.type==="")&&(r.type=i.defaultEdgeType),r.zIndex||(r.zIndex=0),r}var qi=function(i){function n(r,e){var t,a=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};if(L(this,n),t=O(this,n),f(t,"elements",{}),f(t,"canvasContexts",{}),f(t,"webGLContexts",{}),f(t,"pickingLayers",new Set),f(t,"textures",{}),f(t,"frameBuffers",{}),f(t,"activeListeners",{}),f(t,"labelGrid",new fr),f(t,"nodeDataCache",{}),f(t,"edgeDataCache",{}),f(t,"nodeProgramIndex",{}),f(t,"edgeProgramIndex",{}),f(t,"nodesWithForcedLabels",new Set),f(t,"edgesWithForcedLabels",new Set),f(t,"nodeExtent",{x:[0,1],y:[0,1]}),f(t,"nodeZExtent",[1/0,-1/0]),f(t,"edgeZExtent",[1/0,-1/0]),f(t,"matrix",H()),f(t,"invMatrix",H()),f(t,"correctionRatio",1),f(t,"customBBox",null),f(t,"normalizationFunction",dt({x:[0,1],y:[0,1]})),f(t,"graphToViewportRatio",1),f(t,"itemIDsIndex",{}),f(t,"nodeIndices",{}),f(t,"edgeIndices",{}),f(t,"width",0),f(t,"height",0),f(t,"pixelRatio",ht()),f(t,"pickingDownSizingRatio",2*t.pixelRatio),f(t,"displayedNodeLabels",new Set),f(t,"displayedEdgeLabels",new Set),f(t,"highlightedNodes",new Set),f(t,"hoveredNode",null),f(t,"hoveredEdge",null),f(t,"renderFrame",null),f(t,"renderHighlightedNodesFrame",null),f(t,"needToProcess",!1),f(t,"checkEdgesEventsFrame",null),f(t,"nodePrograms",{}),f(t,"nodeHoverPrograms",{}),f(t,"edgePrograms",{}),t.settings=ur(a),Ge(t.settings),sr(r),!(e instanceof HTMLElement))throw new Error("Sigma: container should be an html element.");t.graph=r,t.container=e,t.createWebGLContext("edges",{picking:a.enableEdgeEvents}),t.createCanvasContext("edgeLabels"),t.createWebGLContext("nodes",{picking:!0}),t.createCanvasContext("labels"),t.createCanvasContext("hovers"),t.createWebGLContext("hoverNodes"),t.createCanvasContext("mouse",{style:{touchAction:"none",userSelect:"none"}}),t.resize();for(var o in t.settings.nodeProgramClasses)t.registerNodeProgram(o,t.settings.nodeProgramClasses[o],t.settings.nodeHoverProgramClasses[o]);for(var s in t.settings.edgeProgramClasses)t.registerEdgeProgram(s,t.settings.edgeProgramClasses[s]);return t.camera=new hr,t.bindCameraHandlers(),t.mouseCaptor=new Ii(t.elements.mouse,t),t.mouseCaptor.setSettings(t.settings),t.touchCaptor=new Mi(t.elements.mouse,t),t.touchCaptor.setSettings(t.settings),t.bindEventHandlers(),t.bindGraphHandlers(),t.handleSettingsUpdate(),t.refresh(),t}return I(n,i),P(n,[{key:"registerNodeProgram",value:function(e,t,a){return this.nodePrograms[e]&&this.nodePrograms[e].kill(),this.nodeHoverPrograms[e]&&this.nodeHoverPrograms[e].kill(),this.nodePrograms[e]=new t(this.webGLContexts.nodes,this.frameBuffers.nodes,this),this.nodeHoverPrograms[e]=new(a||t)(this.webGLContexts.hoverNodes,null,this),this}},{key:"registerEdgeProgram",value:function(e,t){return this.edgePrograms[e]&&this.edgePrograms[e].kill(),this.edgePrograms[e]=new t(this.webGLContexts.edges,this.frameBuffers.edges,this),this}},{key:"unregisterNodeProgram",value:function(e){if(this.nodePrograms[e]){var t=this.nodePrograms,a=t[e],o=vt(t,[e].map(oe));a.kill(),this.nodePrograms=o}if(this.nodeHoverPrograms[e]){var s=this.nodeHoverPrograms,l=s[e],u=vt(s,[e].map(oe));l.kill(),this.nodePrograms=u}return this}},{key:"unregisterEdgeProgram",value:function(e){if(this.edgePrograms[e]){var t=this.edgePrograms,a=t[e],o=vt(t,[e].map(oe));a.kill(),this.edgePrograms=o}return this}},{key:"resetWebGLTexture",value:function(e){var t=this.webGLContexts[e],a=this.frameBuffers[e],o=this.textures[e];o&&t.deleteTexture(o);var s=t.createTexture();return t.bindFramebuffer(t.FRAMEBUFFER,a),t.bindTexture(t.TEXTURE_2D,s),t.texImage2D(t.TEXTURE_2D,0,t.RGBA,this.width,this.height,0,t.RGBA,t.UNSIGNED_BYTE,null),t.framebufferTexture2D(t.FRAMEBUFFER,t.COLOR_ATTACHMENT0,t.TEXTURE_2D,s,0),this.textures[e]=s,this}},{key:"bindCameraHandlers",value:function(){var e=this;return this.activeListeners.camera=function(){e.scheduleRender()},this.camera.on("updated",this.activeListeners.camera),this}},{key:"unbindCameraHandlers",value:function(){return this.camera.removeListener("updated",this.activeListeners.camera),this}},{key:"getNodeAtPosition",value:function(e){var t=e.x,a=e.y,o=Ce(this.webGLContexts.nodes,this.frameBuffers.nodes,t,a,this.pixelRatio,this.pickingDownSizingRatio),s=Re.apply(void 0,cr(o)),l=this.itemIDsIndex[s];return l&&l.type==="node"?l.id:null}},{key:"bindEventHandlers",value:function(){var e=this;this.activeListeners.handleResize=function(){e.scheduleRefresh()},window.addEventListener("resize",this.activeListeners.handleResize),this.activeListeners.handleMove=function(a){var o=pe(a),s={event:o,preventSigmaDefault:function(){o.preventSigmaDefault()}},l=e.getNodeAtPosition(o);if(l&&e.hoveredNode!==l&&!e.nodeDataCache[l].hidden){e.hoveredNode&&e.emit("leaveNode",y(y({},s),{},{node:e.hoveredNode})),e.hoveredNode=l,e.emit("enterNode",y(y({},s),{},{node:l})),e.scheduleHighlightedNodesRender();return}if(e.hoveredNode&&e.getNodeAtPosition(o)!==e.hoveredNode){var u=e.hoveredNode;e.hoveredNode=null,e.emit("leaveNode",y(y({},s),{},{node:u})),e.scheduleHighlightedNodesRender();return}if(e.settings.enableEdgeEvents){var h=e.hoveredNode?null:e.getEdgeAtPoint(s.event.x,s.event.y);h!==e.hoveredEdge&&(e.hoveredEdge&&e.emit("leaveEdge",y(y({},s),{},{edge:e.hoveredEdge})),h&&e.emit("enterEdge",y(y({},s),{},{edge:h})),e.hoveredEdge=h)}},this.activeListeners.handleMoveBody=function(a){var o=pe(a);e.emit("moveBody",{event:o,preventSigmaDefault:function(){o.preventSigmaDefault()}})},this.activeListeners.handleLeave=function(a){var o=pe(a),s={event:o,preventSigmaDefault:function(){o.preventSigmaDefault()}};e.hoveredNode&&(e.emit("leaveNode",y(y({},s),{},{node:e.hoveredNode})),e.scheduleHighlightedNodesRender()),e.settings.enableEdgeEvents&&e.hoveredEdge&&(e.emit("leaveEdge",y(y({},s),{},{edge:e.hoveredEdge})),e.scheduleHighlightedNodesRender()),e.emit("leaveStage",y({},s))},this.activeListeners.handleEnter=function(a){var o=pe(a),s={event:o,preventSigmaDefault:function(){o.preventSigmaDefault()}};e.emit("enterStage",y({},s))};var t=function(o){return function(s){var l=pe(s),u={event:l,preventSigmaDefault:function(){l.preventSigmaDefault()}},h=e.getNodeAtPosition(l);if(h)return e.emit("".concat(o,"Node"),y(y({},u),{},{node:h}));if(e.settings.enableEdgeEvents){var c=e.getEdgeAtPoint(l.x,l.y);if(c)return e.emit("".concat(o,"Edge"),y(y({},u),{},{edge:c}))}return e.emit("".concat(o,"Stage"),u)}};return this.activeListeners.handleClick=t("click"),this.activeListeners.handleRightClick=t("rightClick"),this.activeListeners.handleDoubleClick=t("doubleClick"),this.activeListeners.handleWheel=t("wheel"),this.activeListeners.handleDown=t("down"),this.activeListeners.handleUp=t("up"),this.mouseCaptor.on("mousemove",this.activeListeners.handleMove),this.mouseCaptor.on("mousemovebody",this.activeListeners.handleMoveBody),this.mouseCaptor.on("click",this.activeListeners.handleClick),this.mouseCaptor.on("rightClick",this.activeListeners.handleRightClick),this.mouseCaptor.on("doubleClick",this.activeListeners.handleDoubleClick),this.mouseCaptor.on("wheel",this.activeListeners.handleWheel),this.mouseCaptor.on("mousedown",this.activeListeners.handleDown),this.mouseCaptor.on("mouseup",this.activeListeners.handleUp),this.mouseCaptor.on("mouseleave",this.activeListeners.handleLeave),this.mouseCaptor.on("mouseenter",this.activeListeners.handleEnter),this.touchCaptor.on("touchdown",this.activeListeners.handleDown),this.touchCaptor.on("touchdown",this.activeListeners.handleMove),this.touchCaptor.on("touchup",this.activeListeners.handleUp),this.touchCaptor.on("touchmove",this.activeListeners.handleMove),this.touchCaptor.on("tap",this.activeListeners.handleClick),this.touchCaptor.on("doubletap",this.activeListeners.handleDoubleClick),this.touchCaptor.on("touchmove",this.activeListeners.handleMoveBody),this}},{key:"bindGraphHandlers",value:function(){var e=this,t=this.graph,a=new Set(["x","y","zIndex","type"]);return this.activeListeners.eachNodeAttributesUpdatedGraphUpdate=function(o){var s,l=(s=o.hints)===null||s===void 0?void 0:s.attributes;e.graph.forEachNode(function(h){return e.updateNode(h)});var u=!l||l.some(function(h){return a.has(h)});e.refresh({partialGraph:{nodes:t.nodes()},skipIndexation:!u,schedule:!0})},this.activeListeners.eachEdgeAttributesUpdatedGraphUpdate=function(o){var s,l=(s=o.hints)===null||s===void 0?void 0:s.attributes;e.graph.forEachEdge(function(h){return e.updateEdge(h)});var u=l&&["zIndex","type"].some(function(h){return l?.includes(h)});e.refresh({partialGraph:{edges:t.edges()},skipIndexation:!u,schedule:!0})},this.activeListeners.addNodeGraphUpdate=function(o){var s=o.key;e.addNode(s),e.refresh({partialGraph:{nodes:[s]},skipIndexation:!1,schedule:!0})},this.activeListeners.updateNodeGraphUpdate=function(o){var s=o.key;e.refresh({partialGraph:{nodes:[s]},skipIndexation:!1,schedule:!0})},this.activeListeners.dropNodeGraphUpdate=function(o){var s=o.key;e.removeNode(s),e.refresh({schedule:!0})},this.activeListeners.addEdgeGraphUpdate=function(o){var s=o.key;e.addEdge(s),e.refresh({partialGraph:{edges:[s]},schedule:!0})},this.activeListeners.updateEdgeGraphUpdate=function(o){var s=o.key;e.refresh({partialGraph:{edges:[s]},skipIndexation:!1,schedule:!0})},this.activeListeners.dropEdgeGraphUpdate=function(o){var s=o.key;e.removeEdge(s),e.refresh({schedule:!0})},this.activeListeners.clearEdgesGraphUpdate=function(){e.clearEdgeState(),e.clearEdgeIndices(),e.refresh({schedule:!0})},this.activeListeners.clearGraphUpdate=function(){e.clearEdgeState(),e.clearNodeState(),e.clearEdgeIndices(),e.clearNodeIndices(),e.refresh({schedule:!0})},t.on("nodeAdded",this.activeListeners.addNodeGraphUpdate),t.on("nodeDropped",this.activeListeners.dropNodeGraphUpdate),t.on("nodeAttributesUpdated",this.activeListeners.updateNodeGraphUpdate),t.on("eachNodeAttributesUpdated",this.activeListeners.eachNodeAttributesUpdatedGraphUpdate),t.on("edgeAdded",this.activeListeners.addEdgeGraphUpdate),t.on("edgeDropped",this.activeListeners.dropEdgeGraphUpdate),t.on("edgeAttributesUpdated",this.activeListeners.updateEdgeGraphUpdate),t.on("eachEdgeAttributesUpdated",this.activeListeners.eachEdgeAttributesUpdatedGraphUpdate),t.on("edgesCleared",this.activeListeners.clearEdgesGraphUpdate),t.on("cleared",this.activeListeners.clearGraphUpdate),this}},{key:"unbindGraphHandlers",value:function(){var e=this.graph;e.removeListener("nodeAdded",this.activeListeners.addNodeGraphUpdate),e.removeListener("nodeDropped",this.activeListeners.dropNodeGraphUpdate),e.removeListener("nodeAttributesUpdated",this.activeListeners.updateNodeGraphUpdate),e.removeListener("eachNodeAttributesUpdated",this.activeListeners.eachNodeAttributesUpdatedGraphUpdate),e.removeListener("edgeAdded",this.activeListeners.addEdgeGraphUpdate),e.removeListener("edgeDropped",this.activeListeners.dropEdgeGraphUpdate),e.removeListener("edgeAttributesUpdated",this.activeListeners.updateEdgeGraphUpdate),e.removeListener("eachEdgeAttributesUpdated",this.activeListeners.eachEdgeAttributesUpdatedGraphUpdate),e.removeListener("edgesCleared",this.activeListeners.clearEdgesGraphUpdate),e.removeListener("cleared",this.activeListeners.clearGraphUpdate)}},{key:"getEdgeAtPoint",value:function(e,t){var a=Ce(this.webGLContexts.edges,this.frameBuffers.edges,e,t,this.pixelRatio,this.pickingDownSizingRatio),o=Re.apply(void 0,cr(a)),s=this.itemIDsIndex[o];return s&&s.type==="edge"?s.id:null}},{key:"process",value:function(){var e=this;this.emit("beforeProcess");var t=this.graph,a=this.settings,o=this.getDimensions();if(this.nodeExtent=or(this.graph),!this.settings.autoRescale){var s=o.width,l=o.height,u=this.nodeExtent,h=u.x,c=u.y;this.nodeExtent={x:[(h[0]+h[1])/2-s/2,(h[0]+h[1])/2+s/2],y:[(c[0]+c[1])/2-l/2,(c[0]+c[1])/2+l/2]}}this.normalizationFunction=dt(this.customBBox||this.nodeExtent);var d=new hr,v=ve(d.getState(),o,this.getGraphDimensions(),this.getStagePadding());this.labelGrid.resizeAndClear(o,a.labelGridCellSize);for(var m={},g={},p={},T={},_=1,b=t.nodes(),E=0,x=b.length;E<x;E++){var C=b[E],R=this.nodeDataCache[C],F=t.getNodeAttributes(C);R.x=F.x,R.y=F.y,this.normalizationFunction.applyTo(R),typeof R.label=="string"&&!R.hidden&&this.labelGrid.add(C,R.size,this.framedGraphToViewport(R,{matrix:v})),m[R.type]=(m[R.type]||0)+1}this.labelGrid.organize();for(var w in this.nodePrograms){if(!Z.call(this.nodePrograms,w))throw new Error('Sigma: could not find a suitable program for node type "'.concat(w,'"!'));this.nodePrograms[w].reallocate(m[w]||0),m[w]=0}this.settings.zIndex&&this.nodeZExtent[0]!==this.nodeZExtent[1]&&(b=ct(this.nodeZExtent,function(ne){return e.nodeDataCache[ne].zIndex},b));for(var D=0,k=b.length;D<k;D++){var A=b[D];g[A]=_,T[g[A]]={type:"node",id:A},_++;var z=this.nodeDataCache[A];this.addNodeToProgram(A,g[A],m[z.type]++)}for(var N={},G=t.edges(),M=0,ie=G.length;M<ie;M++){var q=G[M],Y=this.edgeDataCache[q];N[Y.type]=(N[Y.type]||0)+1}this.settings.zIndex&&this.edgeZExtent[0]!==this.edgeZExtent[1]&&(G=ct(this.edgeZExtent,function(ne){return e.edgeDataCache[ne].zIndex},G));for(var V in this.edgePrograms){if(!Z.call(this.edgePrograms,V))throw new Error('Sigma: could not find a suitable program for edge type "'.concat(V,'"!'));this.edgePrograms[V].reallocate(N[V]||0),N[V]=0}for(var U=0,X=G.length;U<X;U++){var B=G[U];p[B]=_,T[p[B]]={type:"edge",id:B},_++;var _e=this.edgeDataCache[B];this.addEdgeToProgram(B,p[B],N[_e.type]++)}return this.itemIDsIndex=T,this.nodeIndices=g,this.edgeIndices=p,this.emit("afterProcess"),this}},{key:"handleSettingsUpdate",value:function(e){var t=this,a=this.settings;if(this.camera.minRatio=a.minCameraRatio,this.camera.maxRatio=a.maxCameraRatio,this.camera.enabledZooming=a.enableCameraZooming,this.camera.enabledPanning=a.enableCameraPanning,this.camera.enabledRotation=a.enableCameraRotation,a.cameraPanBoundaries?this.camera.clean=function(h){return t.cleanCameraState(h,a.cameraPanBoundaries&&Oe(a.cameraPanBoundaries)==="object"?a.cameraPanBoundaries:{})}:this.camera.clean=null,this.camera.setState(this.camera.validateState(this.camera.getState())),e){if(e.edgeProgramClasses!==a.edgeProgramClasses){for(var o in a.edgeProgramClasses)a.edgeProgramClasses[o]!==e.edgeProgramClasses[o]&&this.registerEdgeProgram(o,a.edgeProgramClasses[o]);for(var s in e.edgeProgramClasses)a.edgeProgramClasses[s]||this.unregisterEdgeProgram(s)}if(e.nodeProgramClasses!==a.nodeProgramClasses||e.nodeHoverProgramClasses!==a.nodeHoverProgramClasses){for(var l in a.nodeProgramClasses)(a.nodeProgramClasses[l]!==e.nodeProgramClasses[l]||a.nodeHoverProgramClasses[l]!==e.nodeHoverProgramClasses[l])&&this.registerNodeProgram(l,a.nodeProgramClasses[l],a.nodeHoverProgramClasses[l]);for(var u in e.nodeProgramClasses)a.nodeProgramClasses[u]||this.unregisterNodeProgram(u)}}return this.mouseCaptor.setSettings(this.settings),this.touchCaptor.setSettings(this.settings),this}},{key:"cleanCameraState",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},a=t.tolerance,o=a===void 0?0:a,s=t.boundaries,l=y({},e),u=s||this.nodeExtent,h=Q(u.x,2),c=h[0],d=h[1],v=Q(u.y,2),m=v[0],g=v[1],p=[this.graphToViewport({x:c,y:m},{cameraState:e}),this.graphToViewport({x:d,y:m},{cameraState:e}),this.graphToViewport({x:c,y:g},{cameraState:e}),this.graphToViewport({x:d,y:g},{cameraState:e})],T=1/0,_=-1/0,b=1/0,E=-1/0;p.forEach(function(N){var G=N.x,M=N.y;T=Math.min(T,G),_=Math.max(_,G),b=Math.min(b,M),E=Math.max(E,M)});var x=_-T,C=E-b,R=this.getDimensions(),F=R.width,w=R.height,D=0,k=0;if(x>=F?_<F-o?D=_-(F-o):T>o&&(D=T-o):_>F+o?D=_-(F+o):T<-o&&(D=T+o),C>=w?E<w-o?k=E-(w-o):b>o&&(k=b-o):E>w+o?k=E-(w+o):b<-o&&(k=b+o),D||k){var A=this.viewportToFramedGraph({x:0,y:0},{cameraState:e}),z=this.viewportToFramedGraph({x:D,y:k},{cameraState:e});D=z.x-A.x,k=z.y-A.y,l.x+=D,l.y+=k}return l}},{key:"renderLabels",value:function(){if(!this.settings.renderLabels)return this;var e=this.camera.getState(),t=this.labelGrid.getLabelsToDisplay(e.ratio,this.settings.labelDensity);ft(t,this.nodesWithForcedLabels),this.displayedNodeLabels=new Set;for(var a=this.canvasContexts.labels,o=0,s=t.length;o<s;o++){var l=t[o],u=this.nodeDataCache[l];if(!this.displayedNodeLabels.has(l)&&!u.hidden){var h=this.framedGraphToViewport(u),c=h.x,d=h.y,v=this.scaleSize(u.size);if(!(!u.forceLabel&&v<this.settings.labelRenderedSizeThreshold)&&!(c<-vr||c>this.width+vr||d<-gr||d>this.height+gr)){this.displayedNodeLabels.add(l);var m=this.settings.defaultDrawNodeLabel,g=this.nodePrograms[u.type],p=g?.drawLabel||m;p(a,y(y({key:l},u),{},{size:v,x:c,y:d}),this.settings)}}}return this}},{key:"renderEdgeLabels",value:function(){if(!this.settings.renderEdgeLabels)return this;var e=this.canvasContexts.edgeLabels;e.clearRect(0,0,this.width,this.height);var t=Wi({graph:this.graph,hoveredNode:this.hoveredNode,displayedNodeLabels:this.displayedNodeLabels,highlightedNodes:this.highlightedNodes});ft(t,this.edgesWithForcedLabels);for(var a=new Set,o=0,s=t.length;o<s;o++){var l=t[o],u=this.graph.extremities(l),h=this.nodeDataCache[u[0]],c=this.nodeDataCache[u[1]],d=this.edgeDataCache[l];if(!a.has(l)&&!(d.hidden||h.hidden||c.hidden)){var v=this.settings.defaultDrawEdgeLabel,m=this.edgePrograms[d.type],g=m?.drawLabel||v;g(e,y(y({key:l},d),{},{size:this.scaleSize(d.size)}),y(y(y({key:u[0]},h),this.framedGraphToViewport(h)),{},{size:this.scaleSize(h.size)}),y(y(y({key:u[1]},c),this.framedGraphToViewport(c)),{},{size:this.scaleSize(c.size)}),this.settings),a.add(l)}}return this.displayedEdgeLabels=a,this}},{key:"renderHighlightedNodes",value:function(){var e=this,t=this.canvasContexts.hovers;t.clearRect(0,0,this.width,this.height);var a=function(v){var m=e.nodeDataCache[v],g=e.framedGraphToViewport(m),p=g.x,T=g.y,_=e.scaleSize(m.size),b=e.settings.defaultDrawNodeHover,E=e.nodePrograms[m.type],x=E?.drawHover||b;x(t,y(y({key:v},m),{},{size:_,x:p,y:T}),e.settings)},o=[];this.hoveredNode&&!this.nodeDataCache[this.hoveredNode].hidden&&o.push(this.hoveredNode),this.highlightedNodes.forEach(function(d){d!==e.hoveredNode&&o.push(d)}),o.forEach(function(d){return a(d)});var s={};o.forEach(function(d){var v=e.nodeDataCache[d].type;s[v]=(s[v]||0)+1});for(var l in this.nodeHoverPrograms)this.nodeHoverPrograms[l].reallocate(s[l]||0),s[l]=0;o.forEach(function(d){var v=e.nodeDataCache[d];e.nodeHoverPrograms[v.type].process(0,s[v.type]++,v)}),this.webGLContexts.hoverNodes.clear(this.webGLContexts.hoverNodes.COLOR_BUFFER_BIT);var u=this.getRenderParams();for(var h in this.nodeHoverPrograms){var c=this.nodeHoverPrograms[h];c.render(u)}}},{key:"scheduleHighlightedNodesRender",value:function(){var e=this;this.renderHighlightedNodesFrame||this.renderFrame||(this.renderHighlightedNodesFrame=requestAnimationFrame(function(){e.renderHighlightedNodesFrame=null,e.renderHighlightedNodes(),e.renderEdgeLabels()}))}},{key:"render",value:function(){var e=this;this.emit("beforeRender");var t=function(){return e.emit("afterRender"),e};if(this.renderFrame&&(cancelAnimationFrame(this.renderFrame),this.renderFrame=null),this.resize(),this.needToProcess&&this.process(),this.needToProcess=!1,this.clear(),this.pickingLayers.forEach(function(p){return e.resetWebGLTexture(p)}),!this.graph.order)return t();var a=this.mouseCaptor,o=this.camera.isAnimated()||a.isMoving||a.draggedEvents||a.currentWheelDirection,s=this.camera.getState(),l=this.getDimensions(),u=this.getGraphDimensions(),h=this.getStagePadding();this.matrix=ve(s,l,u,h),this.invMatrix=ve(s,l,u,h,!0),this.correctionRatio=ar(this.matrix,s,l),this.graphToViewportRatio=this.getGraphToViewportRatio();var c=this.getRenderParams();for(var d in this.nodePrograms){var v=this.nodePrograms[d];v.render(c)}if(!this.settings.hideEdgesOnMove||!o)for(var m in this.edgePrograms){var g=this.edgePrograms[m];g.render(c)}return this.settings.hideLabelsOnMove&&o||(this.renderLabels(),this.renderEdgeLabels(),this.renderHighlightedNodes()),t()}},{key:"addNode",value:function(e){var t=Object.assign({},this.graph.getNodeAttributes(e));this.settings.nodeReducer&&(t=this.settings.nodeReducer(e,t));var a=ji(this.settings,e,t);this.nodeDataCache[e]=a,this.nodesWithForcedLabels.delete(e),a.forceLabel&&!a.hidden&&this.nodesWithForcedLabels.add(e),this.highlightedNodes.delete(e),a.highlighted&&!a.hidden&&this.highlightedNodes.add(e),this.settings.zIndex&&(a.zIndex<this.nodeZExtent[0]&&(this.nodeZExtent[0]=a.zIndex),a.zIndex>this.nodeZExtent[1]&&(this.nodeZExtent[1]=a.zIndex))}},{key:"updateNode",value:function(e){this.addNode(e);var t=this.nodeDataCache[e];this.normalizationFunction.applyTo(t)}},{key:"removeNode",value:function(e){delete this.nodeDataCache[e],delete this.nodeProgramIndex[e],this.highlightedNodes.delete(e),this.hoveredNode===e&&(this.hoveredNode=null),this.nodesWithForcedLabels.delete(e)}},{key:"addEdge",value:function(e){var t=Object.assign({},this.graph.getEdgeAttributes(e));this.settings.edgeReducer&&(t=this.settings.edgeReducer(e,t));var a=Yi(this.settings,e,t);this.edgeDataCache[e]=a,this.edgesWithForcedLabels.delete(e),a.forceLabel&&!a.hidden&&this.edgesWithForcedLabels.add(e),this.settings.zIndex&&(a.zIndex<this.edgeZExtent[0]&&(this.edgeZExtent[0]=a.zIndex),a.zIndex>this.edgeZExtent[1]&&(this.edgeZExtent[1]=a.zIndex))}},{key:"updateEdge",value:function(e){this.addEdge(e)}},{key:"removeEdge",value:function(e){delete this.edgeDataCache[e],delete this.edgeProgramIndex[e],this.hoveredEdge===e&&(this.hoveredEdge=null),this.edgesWithForcedLabels.delete(e)}},{key:"clearNodeIndices",value:function(){this.labelGrid=new fr,this.nodeExtent={x:[0,1],y:[0,1]},this.nodeDataCache={},this.edgeProgramIndex={},this.nodesWithForcedLabels=new Set,this.nodeZExtent=[1/0,-1/0]}},{key:"clearEdgeIndices",value:function(){this.edgeDataCache={},this.edgeProgramIndex={},this.edgesWithForcedLabels=new Set,this.edgeZExtent=[1/0,-1/0]}},{key:"clearIndices",value:function(){this.clearEdgeIndices(),this.clearNodeIndices()}},{key:"clearNodeState",value:function(){this.displayedNodeLabels=new Set,this.highlightedNodes=new Set,this.hoveredNode=null}},{key:"clearEdgeState",value:function(){this.displayedEdgeLabels=new Set,this.highlightedNodes=new Set,this.hoveredEdge=null}},{key:"clearState",value:function(){this.clearEdgeState(),this.clearNodeState()}},{key:"addNodeToProgram",value:function(e,t,a){var o=this.nodeDataCache[e],s=this.nodePrograms[o.type];if(!s)throw new Error('Sigma: could not find a suitable program for node type "'.concat(o.type,'"!'));s.process(t,a,o),this.nodeProgramIndex[e]=a}},{key:"addEdgeToProgram",value:function(e,t,a){var o=this.edgeDataCache[e],s=this.edgePrograms[o.type];if(!s)throw new Error('Sigma: could not find a suitable program for edge type "'.concat(o.type,'"!'));var l=this.graph.extremities(e),u=this.nodeDataCache[l[0]],h=this.nodeDataCache[l[1]];s.process(t,a,u,h,o),this.edgeProgramIndex[e]=a}},{key:"getRenderParams",value:function(){return{matrix:this.matrix,invMatrix:this.invMatrix,width:this.width,height:this.height,pixelRatio:this.pixelRatio,zoomRatio:this.camera.ratio,cameraAngle:this.camera.angle,sizeRatio:1/this.scaleSize(),correctionRatio:this.correctionRatio,downSizingRatio:this.pickingDownSizingRatio,minEdgeThickness:this.settings.minEdgeThickness,antiAliasingFeather:this.settings.antiAliasingFeather}}},{key:"getStagePadding",value:function(){var e=this.settings,t=e.stagePadding,a=e.autoRescale;return a&&t||0}},{key:"createLayer",value:function(e,t){var a=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};if(this.elements[e])throw new Error('Sigma: a layer named "'.concat(e,'" already exists'));var o=lr(t,{position:"absolute"},{class:"sigma-".concat(e)});return a.style&&Object.assign(o.style,a.style),this.elements[e]=o,"beforeLayer"in a&&a.beforeLayer?this.elements[a.beforeLayer].before(o):"afterLayer"in a&&a.afterLayer?this.elements[a.afterLayer].after(o):this.container.appendChild(o),o}},{key:"createCanvas",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.createLayer(e,"canvas",t)}},{key:"createCanvasContext",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},a=this.createCanvas(e,t),o={preserveDrawingBuffer:!1,antialias:!1};return this.canvasContexts[e]=a.getContext("2d",o),this}},{key:"createWebGLContext",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},a=t?.canvas||this.createCanvas(e,t);t.hidden&&a.remove();var o=y({preserveDrawingBuffer:!1,antialias:!1},t),s;s=a.getContext("webgl2",o),s||(s=a.getContext("webgl",o)),s||(s=a.getContext("experimental-webgl",o));var l=s;if(this.webGLContexts[e]=l,l.blendFunc(l.ONE,l.ONE_MINUS_SRC_ALPHA),t.picking){this.pickingLayers.add(e);var u=l.createFramebuffer();if(!u)throw new Error("Sigma: cannot create a new frame buffer for layer ".concat(e));this.frameBuffers[e]=u}return l}},{key:"killLayer",value:function(e){var t=this.elements[e];if(!t)throw new Error("Sigma: cannot kill layer ".concat(e,", which does not exist"));if(this.webGLContexts[e]){var a,o=this.webGLContexts[e];(a=o.getExtension("WEBGL_lose_context"))===null||a===void 0||a.loseContext(),delete this.webGLContexts[e]}else this.canvasContexts[e]&&delete this.canvasContexts[e];return t.remove(),delete this.elements[e],this}},{key:"getCamera",value:function(){return this.camera}},{key:"setCamera",value:function(e){this.unbindCameraHandlers(),this.camera=e,this.bindCameraHandlers()}},{key:"getContainer",value:function(){return this.container}},{key:"getGraph",value:function(){return this.graph}},{key:"setGraph",value:function(e){e!==this.graph&&(this.hoveredNode&&!e.hasNode(this.hoveredNode)&&(this.hoveredNode=null),this.hoveredEdge&&!e.hasEdge(this.hoveredEdge)&&(this.hoveredEdge=null),this.unbindGraphHandlers(),this.checkEdgesEventsFrame!==null&&(cancelAnimationFrame(this.checkEdgesEventsFrame),this.checkEdgesEventsFrame=null),this.graph=e,this.bindGraphHandlers(),this.refresh())}},{key:"getMouseCaptor",value:function(){return this.mouseCaptor}},{key:"getTouchCaptor",value:function(){return this.touchCaptor}},{key:"getDimensions",value:function(){return{width:this.width,height:this.height}}},{key:"getGraphDimensions",value:function(){var e=this.customBBox||this.nodeExtent;return{width:e.x[1]-e.x[0]||1,height:e.y[1]-e.y[0]||1}}},{key:"getNodeDisplayData",value:function(e){var t=this.nodeDataCache[e];return t?Object.assign({},t):void 0}},{key:"getEdgeDisplayData",value:function(e){var t=this.edgeDataCache[e];return t?Object.assign({},t):void 0}},{key:"getNodeDisplayedLabels",value:function(){return new Set(this.displayedNodeLabels)}},{key:"getEdgeDisplayedLabels",value:function(){return new Set(this.displayedEdgeLabels)}},{key:"getSettings",value:function(){return y({},this.settings)}},{key:"getSetting",value:function(e){return this.settings[e]}},{key:"setSetting",value:function(e,t){var a=y({},this.settings);return this.settings[e]=t,Ge(this.settings),this.handleSettingsUpdate(a),this.scheduleRefresh(),this}},{key:"updateSetting",value:function(e,t){return this.setSetting(e,t(this.settings[e])),this}},{key:"setSettings",value:function(e){var t=y({},this.settings);return this.settings=y(y({},this.settings),e),Ge(this.settings),this.handleSettingsUpdate(t),this.scheduleRefresh(),this}},{key:"resize",value:function(e){var t=this.width,a=this.height;if(this.width=this.container.offsetWidth,this.height=this.container.offsetHeight,this.pixelRatio=ht(),this.width===0)if(this.settings.allowInvalidContainer)this.width=1;else throw new Error("Sigma: Container has no width. You can set the allowInvalidContainer setting to true to stop seeing this error.");if(this.height===0)if(this.settings.allowInvalidContainer)this.height=1;else throw new Error("Sigma: Container has no height. You can set the allowInvalidContainer setting to true to stop seeing this error.");if(!e&&t===this.width&&a===this.height)return this;for(var o in this.elements){var s=this.elements[o];s.style.width=this.width+"px",s.style.height=this.height+"px"}for(var l in this.canvasContexts)this.elements[l].setAttribute("width",this.width*this.pixelRatio+"px"),this.elements[l].setAttribute("height",this.height*this.pixelRatio+"px"),this.pixelRatio!==1&&this.canvasContexts[l].scale(this.pixelRatio,this.pixelRatio);for(var u in this.webGLContexts){this.elements[u].setAttribute("width",this.width*this.pixelRatio+"px"),this.elements[u].setAttribute("height",this.height*this.pixelRatio+"px");var h=this.webGLContexts[u];if(h.viewport(0,0,this.width*this.pixelRatio,this.height*this.pixelRatio),this.pickingLayers.has(u)){var c=this.textures[u];c&&h.deleteTexture(c)}}return this.emit("resize"),this}},{key:"clear",value:function(){return this.emit("beforeClear"),this.webGLContexts.nodes.bindFramebuffer(WebGLRenderingContext.FRAMEBUFFER,null),this.webGLContexts.nodes.clear(WebGLRenderingContext.COLOR_BUFFER_BIT),this.webGLContexts.edges.bindFramebuffer(WebGLRenderingContext.FRAMEBUFFER,null),this.webGLContexts.edges.clear(WebGLRenderingContext.COLOR_BUFFER_BIT),this.webGLContexts.hoverNodes.clear(WebGLRenderingContext.COLOR_BUFFER_BIT),this.canvasContexts.labels.clearRect(0,0,this.width,this.height),this.canvasContexts.hovers.clearRect(0,0,this.width,this.height),this.canvasContexts.edgeLabels.clearRect(0,0,this.width,this.height),this.emit("afterClear"),this}},{key:"refresh",value:function(e){var t=this,a=e?.skipIndexation!==void 0?e?.skipIndexation:!1,o=e?.schedule!==void 0?e.schedule:!1,s=!e||!e.partialGraph;if(s)this.clearEdgeIndices(),this.clearNodeIndices(),this.graph.forEachNode(function(E){return t.addNode(E)}),this.graph.forEachEdge(function(E){return t.addEdge(E)});else{for(var l,u,h=((l=e.partialGraph)===null||l===void 0?void 0:l.nodes)||[],c=0,d=h?.length||0;c<d;c++){var v=h[c];if(this.updateNode(v),a){var m=this.nodeProgramIndex[v];if(m===void 0)throw new Error('Sigma: node "'.concat(v,`" can't be repaint`));this.addNodeToProgram(v,this.nodeIndices[v],m)}}for(var g=(e==null||(u=e.partialGraph)===null||u===void 0?void 0:u.edges)||[],p=0,T=g.length;p<T;p++){var _=g[p];if(this.updateEdge(_),a){var b=this.edgeProgramIndex[_];if(b===void 0)throw new Error('Sigma: edge "'.concat(_,`" can't be repaint`));this.addEdgeToProgram(_,this.edgeIndices[_],b)}}}return(s||!a)&&(this.needToProcess=!0),o?this.scheduleRender():this.render(),this}},{key:"scheduleRender",value:function(){var e=this;return this.renderFrame||(this.renderFrame=requestAnimationFrame(function(){e.render()})),this}},{key:"scheduleRefresh",value:function(e){return this.refresh(y(y({},e),{},{schedule:!0}))}},{key:"getViewportZoomedState",value:function(e,t){var a=this.camera.getState(),o=a.ratio,s=a.angle,l=a.x,u=a.y,h=this.settings,c=h.minCameraRatio,d=h.maxCameraRatio;typeof d=="number"&&(t=Math.min(t,d)),typeof c=="number"&&(t=Math.max(t,c));var v=t/o,m={x:this.width/2,y:this.height/2},g=this.viewportToFramedGraph(e),p=this.viewportToFramedGraph(m);return{angle:s,x:(g.x-p.x)*(1-v)+l,y:(g.y-p.y)*(1-v)+u,ratio:t}}},{key:"viewRectangle",value:function(){var e=this.viewportToFramedGraph({x:0,y:0}),t=this.viewportToFramedGraph({x:this.width,y:0}),a=this.viewportToFramedGraph({x:0,y:this.height});return{x1:e.x,y1:e.y,x2:t.x,y2:t.y,height:t.y-a.y}}},{key:"framedGraphToViewport",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},a=!!t.cameraState||!!t.viewportDimensions||!!t.graphDimensions,o=t.matrix?t.matrix:a?ve(t.cameraState||this.camera.getState(),t.viewportDimensions||this.getDimensions(),t.graphDimensions||this.getGraphDimensions(),t.padding||this.getStagePadding()):this.matrix,s=De(o,e);return{x:(1+s.x)*this.width/2,y:(1-s.y)*this.height/2}}},{key:"viewportToFramedGraph",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},a=!!t.cameraState||!!t.viewportDimensions||!t.graphDimensions,o=t.matrix?t.matrix:a?ve(t.cameraState||this.camera.getState(),t.viewportDimensions||this.getDimensions(),t.graphDimensions||this.getGraphDimensions(),t.padding||this.getStagePadding(),!0):this.invMatrix,s=De(o,{x:e.x/this.width*2-1,y:1-e.y/this.height*2});return isNaN(s.x)&&(s.x=0),isNaN(s.y)&&(s.y=0),s}},{key:"viewportToGraph",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.normalizationFunction.inverse(this.viewportToFramedGraph(e,t))}},{key:"graphToViewport",value:function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.framedGraphToViewport(this.normalizationFunction(e),t)}},{key:"getGraphToViewportRatio",value:function(){var e={x:0,y:0},t={x:1,y:1},a=Math.sqrt(Math.pow(e.x-t.x,2)+Math.pow(e.y-t.y,2)),o=this.graphToViewport(e),s=this.graphToViewport(t),l=Math.sqrt(Math.pow(o.x-s.x,2)+Math.pow(o.y-s.y,2));return l/a}},{key:"getBBox",value:function(){return this.nodeExtent}},{key:"getCustomBBox",value:function(){return this.customBBox}},{key:"setCustomBBox",value:function(e){return this.customBBox=e,this.scheduleRender(),this}},{key:"kill",value:function(){this.emit("kill"),this.removeAllListeners(),this.unbindCameraHandlers(),window.removeEventListener("resize",this.activeListeners.handleResize),this.mouseCaptor.kill(),this.touchCaptor.kill(),this.unbindGraphHandlers(),this.clearIndices(),this.clearState(),this.nodeDataCache={},this.edgeDataCache={},this.highlightedNodes.clear(),this.renderFrame&&(cancelAnimationFrame(this.renderFrame),this.renderFrame=null),this.renderHighlightedNodesFrame&&(cancelAnimationFrame(this.renderHighlightedNodesFrame),this.renderHighlightedNodesFrame=null);for(var e=this.container;e.firstChild;)e.removeChild(e.firstChild);this.canvasContexts={},this.webGLContexts={},this.elements={};for(var t in this.nodePrograms)this.nodePrograms[t].kill();for(var a in this.nodeHoverPrograms)this.nodeHoverPrograms[a].kill();for(var o in this.edgePrograms)this.edgePrograms[o].kill();this.nodePrograms={},this.nodeHoverPrograms={},this.edgePrograms={};for(var s in this.elements)this.killLayer(s)}},{key:"scaleSize",value:function(){var e=arguments.length>0&&arguments[0]!==void 0?arguments[0]:1,t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:this.camera.ratio;return e/this.settings.zoomToSizeRatioFunction(t)*(this.getSetting("itemSizesReference")==="positions"?t*this.graphToViewportRatio:1)}},{key:"getCanvases",value:function(){var e={};for(var t in this.elements)this.elements[t]instanceof HTMLCanvasElement&&(e[t]=this.elements[t]);return e}}])}(Ne),Xi=qi;var _r=WebGLRenderingContext,ta=_r.UNSIGNED_BYTE,ra=_r.FLOAT;var $i=`
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_sourceRadius;
attribute float a_targetRadius;
attribute float a_sourceRadiusCoef;
attribute float a_targetRadiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;

  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;

  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  // These first computations are taken from edge.vert.glsl. Please read it to
  // get better comments on what's happening:
  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // Here, we move the point to leave space for the arrow heads:
  // Source arrow head
  float sourceRadius = a_sourceRadius * a_sourceRadiusCoef;
  float sourceDirection = sign(sourceRadius);
  float webGLSourceRadius = sourceDirection * sourceRadius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLSourceArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 sourceCompensationVector =
    vec2(-sourceDirection * unitNormal.y, sourceDirection * unitNormal.x)
    * (webGLSourceRadius + webGLSourceArrowHeadLength);
    
  // Target arrow head
  float targetRadius = a_targetRadius * a_targetRadiusCoef;
  float targetDirection = sign(targetRadius);
  float webGLTargetRadius = targetDirection * targetRadius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLTargetArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 targetCompensationVector =
  vec2(-targetDirection * unitNormal.y, targetDirection * unitNormal.x)
    * (webGLTargetRadius + webGLTargetArrowHeadLength);

  // Here is the proper position of the vertex
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + sourceCompensationVector + targetCompensationVector, 1)).xy, 0, 1);

  v_thickness = webGLThickness / u_zoomRatio;

  v_normal = unitNormal;

  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`,Zi=$i,yr=WebGLRenderingContext,br=yr.UNSIGNED_BYTE,K=yr.FLOAT,Ki=["u_matrix","u_zoomRatio","u_sizeRatio","u_correctionRatio","u_pixelRatio","u_feather","u_minEdgeThickness","u_lengthToThicknessRatio"],Qi={lengthToThicknessRatio:ee.lengthToThicknessRatio};function Er(i){var n=y(y({},Qi),i||{});return function(r){function e(){return L(this,e),O(this,e,arguments)}return I(e,r),P(e,[{key:"getDefinition",value:function(){return{VERTICES:6,VERTEX_SHADER_SOURCE:Zi,FRAGMENT_SHADER_SOURCE:Le,METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:Ki,ATTRIBUTES:[{name:"a_positionStart",size:2,type:K},{name:"a_positionEnd",size:2,type:K},{name:"a_normal",size:2,type:K},{name:"a_color",size:4,type:br,normalized:!0},{name:"a_id",size:4,type:br,normalized:!0},{name:"a_sourceRadius",size:1,type:K},{name:"a_targetRadius",size:1,type:K}],CONSTANT_ATTRIBUTES:[{name:"a_positionCoef",size:1,type:K},{name:"a_normalCoef",size:1,type:K},{name:"a_sourceRadiusCoef",size:1,type:K},{name:"a_targetRadiusCoef",size:1,type:K}],CONSTANT_DATA:[[0,1,-1,0],[0,-1,1,0],[1,1,0,1],[1,1,0,1],[0,-1,1,0],[1,-1,0,-1]]}}},{key:"processVisibleItem",value:function(a,o,s,l,u){var h=u.size||1,c=s.x,d=s.y,v=l.x,m=l.y,g=W(u.color),p=v-c,T=m-d,_=s.size||1,b=l.size||1,E=p*p+T*T,x=0,C=0;E&&(E=1/Math.sqrt(E),x=-T*E*h,C=p*E*h);var R=this.array;R[o++]=c,R[o++]=d,R[o++]=v,R[o++]=m,R[o++]=x,R[o++]=C,R[o++]=g,R[o++]=a,R[o++]=_,R[o++]=b}},{key:"setUniforms",value:function(a,o){var s=o.gl,l=o.uniformLocations,u=l.u_matrix,h=l.u_zoomRatio,c=l.u_feather,d=l.u_pixelRatio,v=l.u_correctionRatio,m=l.u_sizeRatio,g=l.u_minEdgeThickness,p=l.u_lengthToThicknessRatio;s.uniformMatrix3fv(u,!1,a.matrix),s.uniform1f(h,a.zoomRatio),s.uniform1f(m,a.sizeRatio),s.uniform1f(v,a.correctionRatio),s.uniform1f(d,a.pixelRatio),s.uniform1f(c,a.antiAliasingFeather),s.uniform1f(g,a.minEdgeThickness),s.uniform1f(p,n.lengthToThicknessRatio)}}])}(J)}var ia=Er();function Ji(i){return we([Er(i),de(i),de(y(y({},i),{},{extremity:"source"}))])}var na=Ji();var Tr=WebGLRenderingContext,aa=Tr.UNSIGNED_BYTE,oa=Tr.FLOAT;var Rr=WebGLRenderingContext,sa=Rr.UNSIGNED_BYTE,la=Rr.FLOAT;var fa=ue(Ye());function en(i,n){if(typeof i!="object"||!i)return i;var r=i[Symbol.toPrimitive];if(r!==void 0){var e=r.call(i,n||"default");if(typeof e!="object")return e;throw new TypeError("@@toPrimitive must return a primitive value.")}return(n==="string"?String:Number)(i)}function wr(i){var n=en(i,"string");return typeof n=="symbol"?n:n+""}function Ar(i,n,r){return(n=wr(n))in i?Object.defineProperty(i,n,{value:r,enumerable:!0,configurable:!0,writable:!0}):i[n]=r,i}function Cr(i,n){var r=Object.keys(i);if(Object.getOwnPropertySymbols){var e=Object.getOwnPropertySymbols(i);n&&(e=e.filter(function(t){return Object.getOwnPropertyDescriptor(i,t).enumerable})),r.push.apply(r,e)}return r}function Be(i){for(var n=1;n<arguments.length;n++){var r=arguments[n]!=null?arguments[n]:{};n%2?Cr(Object(r),!0).forEach(function(e){Ar(i,e,r[e])}):Object.getOwnPropertyDescriptors?Object.defineProperties(i,Object.getOwnPropertyDescriptors(r)):Cr(Object(r)).forEach(function(e){Object.defineProperty(i,e,Object.getOwnPropertyDescriptor(r,e))})}return i}function tn(i,n){if(!(i instanceof n))throw new TypeError("Cannot call a class as a function")}function xr(i,n){for(var r=0;r<n.length;r++){var e=n[r];e.enumerable=e.enumerable||!1,e.configurable=!0,"value"in e&&(e.writable=!0),Object.defineProperty(i,wr(e.key),e)}}function rn(i,n,r){return n&&xr(i.prototype,n),r&&xr(i,r),Object.defineProperty(i,"prototype",{writable:!1}),i}function He(i){return He=Object.setPrototypeOf?Object.getPrototypeOf.bind():function(n){return n.__proto__||Object.getPrototypeOf(n)},He(i)}function Lr(){try{var i=!Boolean.prototype.valueOf.call(Reflect.construct(Boolean,[],function(){}))}catch{}return(Lr=function(){return!!i})()}function Pr(i){if(i===void 0)throw new ReferenceError("this hasn't been initialised - super() hasn't been called");return i}function nn(i,n){if(n&&(typeof n=="object"||typeof n=="function"))return n;if(n!==void 0)throw new TypeError("Derived constructors may only return object or undefined");return Pr(i)}function an(i,n,r){return n=He(n),nn(i,Lr()?Reflect.construct(n,r||[],He(i).constructor):n.apply(i,r))}function mt(i,n){return mt=Object.setPrototypeOf?Object.setPrototypeOf.bind():function(r,e){return r.__proto__=e,r},mt(i,n)}function on(i,n){if(typeof n!="function"&&n!==null)throw new TypeError("Super expression must either be null or a function");i.prototype=Object.create(n&&n.prototype,{constructor:{value:i,writable:!0,configurable:!0}}),Object.defineProperty(i,"prototype",{writable:!1}),n&&mt(i,n)}function pt(i,n){(n==null||n>i.length)&&(n=i.length);for(var r=0,e=Array(n);r<n;r++)e[r]=i[r];return e}function sn(i){if(Array.isArray(i))return pt(i)}function ln(i){if(typeof Symbol<"u"&&i[Symbol.iterator]!=null||i["@@iterator"]!=null)return Array.from(i)}function un(i,n){if(i){if(typeof i=="string")return pt(i,n);var r={}.toString.call(i).slice(8,-1);return r==="Object"&&i.constructor&&(r=i.constructor.name),r==="Map"||r==="Set"?Array.from(i):r==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(r)?pt(i,n):void 0}}function hn(){throw new TypeError(`Invalid attempt to spread non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function gt(i){return sn(i)||ln(i)||un(i)||hn()}function kr(i,n,r,e){var t=Math.pow(1-i,2)*n.x+2*(1-i)*i*r.x+Math.pow(i,2)*e.x,a=Math.pow(1-i,2)*n.y+2*(1-i)*i*r.y+Math.pow(i,2)*e.y;return{x:t,y:a}}function cn(i,n,r){for(var e=20,t=0,a=i,o=0;o<e;o++){var s=kr((o+1)/e,i,n,r);t+=Math.sqrt(Math.pow(a.x-s.x,2)+Math.pow(a.y-s.y,2)),a=s}return t}function dn(i){var n=i.curvatureAttribute,r=i.defaultCurvature,e=i.keepLabelUpright,t=e===void 0?!0:e;return function(a,o,s,l,u){var h=u.edgeLabelSize,c=o[n]||r,d=u.edgeLabelFont,v=u.edgeLabelWeight,m=u.edgeLabelColor.attribute?o[u.edgeLabelColor.attribute]||u.edgeLabelColor.color||"#000":u.edgeLabelColor.color,g=o.label;if(g){a.fillStyle=m,a.font="".concat(v," ").concat(h,"px ").concat(d);var p=!t||s.x<l.x,T=p?s.x:l.x,_=p?s.y:l.y,b=p?l.x:s.x,E=p?l.y:s.y,x=(T+b)/2,C=(_+E)/2,R=b-T,F=E-_,w=Math.sqrt(Math.pow(R,2)+Math.pow(F,2)),D=p?1:-1,k=x+F*c*D,A=C-R*c*D,z=o.size*.7+5,N={x:A-_,y:-(k-T)},G=Math.sqrt(Math.pow(N.x,2)+Math.pow(N.y,2)),M={x:E-A,y:-(b-k)},ie=Math.sqrt(Math.pow(M.x,2)+Math.pow(M.y,2));T+=z*N.x/G,_+=z*N.y/G,b+=z*M.x/ie,E+=z*M.y/ie,k+=z*F/w,A-=z*R/w;var q={x:k,y:A},Y={x:T,y:_},V={x:b,y:E},U=cn(Y,q,V);if(!(U<s.size+l.size)){var X=a.measureText(g).width,B=U-s.size-l.size;if(X>B){var _e="\u2026";for(g=g+_e,X=a.measureText(g).width;X>B&&g.length>1;)g=g.slice(0,-2)+_e,X=a.measureText(g).width;if(g.length<4)return}for(var ne={},Ve=0,Dr=g.length;Ve<Dr;Ve++){var We=g[Ve];ne[We]||(ne[We]=a.measureText(We).width*(1+c*.35))}for(var le=.5-X/U/2,je=0,Or=g.length;je<Or;je++){var _t=g[je],yt=kr(le,Y,q,V),Ir=2*(1-le)*(k-T)+2*le*(b-k),zr=2*(1-le)*(A-_)+2*le*(E-A),Gr=Math.atan2(zr,Ir);a.save(),a.translate(yt.x,yt.y),a.rotate(Gr),a.fillText(_t,0,0),a.restore(),le+=ne[_t]/U}}}}}function fn(i){var n=i.arrowHead,r=n?.extremity==="target"||n?.extremity==="both",e=n?.extremity==="source"||n?.extremity==="both",t=`
precision highp float;

varying vec4 v_color;
varying float v_thickness;
varying float v_feather;
varying vec2 v_cpA;
varying vec2 v_cpB;
varying vec2 v_cpC;
`.concat(r?`
varying float v_targetSize;
varying vec2 v_targetPoint;`:"",`
`).concat(e?`
varying float v_sourceSize;
varying vec2 v_sourcePoint;`:"",`
`).concat(n?`
uniform float u_lengthToThicknessRatio;
uniform float u_widenessToThicknessRatio;`:"",`

float det(vec2 a, vec2 b) {
  return a.x * b.y - b.x * a.y;
}

vec2 getDistanceVector(vec2 b0, vec2 b1, vec2 b2) {
  float a = det(b0, b2), b = 2.0 * det(b1, b0), d = 2.0 * det(b2, b1);
  float f = b * d - a * a;
  vec2 d21 = b2 - b1, d10 = b1 - b0, d20 = b2 - b0;
  vec2 gf = 2.0 * (b * d21 + d * d10 + a * d20);
  gf = vec2(gf.y, -gf.x);
  vec2 pp = -f * gf / dot(gf, gf);
  vec2 d0p = b0 - pp;
  float ap = det(d0p, d20), bp = 2.0 * det(d10, d0p);
  float t = clamp((ap + bp) / (2.0 * a + b + d), 0.0, 1.0);
  return mix(mix(b0, b1, t), mix(b1, b2, t), t);
}

float distToQuadraticBezierCurve(vec2 p, vec2 b0, vec2 b1, vec2 b2) {
  return length(getDistanceVector(b0 - p, b1 - p, b2 - p));
}

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float dist = distToQuadraticBezierCurve(gl_FragCoord.xy, v_cpA, v_cpB, v_cpC);
  float thickness = v_thickness;
`).concat(r?`
  float distToTarget = length(gl_FragCoord.xy - v_targetPoint);
  float targetArrowLength = v_targetSize + thickness * u_lengthToThicknessRatio;
  if (distToTarget < targetArrowLength) {
    thickness = (distToTarget - v_targetSize) / (targetArrowLength - v_targetSize) * u_widenessToThicknessRatio * thickness;
  }`:"",`
`).concat(e?`
  float distToSource = length(gl_FragCoord.xy - v_sourcePoint);
  float sourceArrowLength = v_sourceSize + thickness * u_lengthToThicknessRatio;
  if (distToSource < sourceArrowLength) {
    thickness = (distToSource - v_sourceSize) / (sourceArrowLength - v_sourceSize) * u_widenessToThicknessRatio * thickness;
  }`:"",`

  float halfThickness = thickness / 2.0;
  if (dist < halfThickness) {
    #ifdef PICKING_MODE
    gl_FragColor = v_color;
    #else
    float t = smoothstep(
      halfThickness - v_feather,
      halfThickness,
      dist
    );

    gl_FragColor = mix(v_color, transparent, t);
    #endif
  } else {
    gl_FragColor = transparent;
  }
}
`);return t}function vn(i){var n=i.arrowHead,r=n?.extremity==="target"||n?.extremity==="both",e=n?.extremity==="source"||n?.extremity==="both",t=`
attribute vec4 a_id;
attribute vec4 a_color;
attribute float a_direction;
attribute float a_thickness;
attribute vec2 a_source;
attribute vec2 a_target;
attribute float a_current;
attribute float a_curvature;
`.concat(r?`attribute float a_targetSize;
`:"",`
`).concat(e?`attribute float a_sourceSize;
`:"",`

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform vec2 u_dimensions;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying float v_thickness;
varying float v_feather;
varying vec2 v_cpA;
varying vec2 v_cpB;
varying vec2 v_cpC;
`).concat(r?`
varying float v_targetSize;
varying vec2 v_targetPoint;`:"",`
`).concat(e?`
varying float v_sourceSize;
varying vec2 v_sourcePoint;`:"",`
`).concat(n?`
uniform float u_widenessToThicknessRatio;`:"",`

const float bias = 255.0 / 254.0;
const float epsilon = 0.7;

vec2 clipspaceToViewport(vec2 pos, vec2 dimensions) {
  return vec2(
    (pos.x + 1.0) * dimensions.x / 2.0,
    (pos.y + 1.0) * dimensions.y / 2.0
  );
}

vec2 viewportToClipspace(vec2 pos, vec2 dimensions) {
  return vec2(
    pos.x / dimensions.x * 2.0 - 1.0,
    pos.y / dimensions.y * 2.0 - 1.0
  );
}

void main() {
  float minThickness = u_minEdgeThickness;

  // Selecting the correct position
  // Branchless "position = a_source if a_current == 1.0 else a_target"
  vec2 position = a_source * max(0.0, a_current) + a_target * max(0.0, 1.0 - a_current);
  position = (u_matrix * vec3(position, 1)).xy;

  vec2 source = (u_matrix * vec3(a_source, 1)).xy;
  vec2 target = (u_matrix * vec3(a_target, 1)).xy;

  vec2 viewportPosition = clipspaceToViewport(position, u_dimensions);
  vec2 viewportSource = clipspaceToViewport(source, u_dimensions);
  vec2 viewportTarget = clipspaceToViewport(target, u_dimensions);

  vec2 delta = viewportTarget.xy - viewportSource.xy;
  float len = length(delta);
  vec2 normal = vec2(-delta.y, delta.x) * a_direction;
  vec2 unitNormal = normal / len;
  float boundingBoxThickness = len * a_curvature;

  float curveThickness = max(minThickness, a_thickness / u_sizeRatio);
  v_thickness = curveThickness * u_pixelRatio;
  v_feather = u_feather;

  v_cpA = viewportSource;
  v_cpB = 0.5 * (viewportSource + viewportTarget) + unitNormal * a_direction * boundingBoxThickness;
  v_cpC = viewportTarget;

  vec2 viewportOffsetPosition = (
    viewportPosition +
    unitNormal * (boundingBoxThickness / 2.0 + sign(boundingBoxThickness) * (`).concat(n?"curveThickness * u_widenessToThicknessRatio":"curveThickness",` + epsilon)) *
    max(0.0, a_direction) // NOTE: cutting the bounding box in half to avoid overdraw
  );

  position = viewportToClipspace(viewportOffsetPosition, u_dimensions);
  gl_Position = vec4(position, 0, 1);
    
`).concat(r?`
  v_targetSize = a_targetSize * u_pixelRatio / u_sizeRatio;
  v_targetPoint = viewportTarget;
`:"",`
`).concat(e?`
  v_sourceSize = a_sourceSize * u_pixelRatio / u_sizeRatio;
  v_sourcePoint = viewportSource;
`:"",`

  #ifdef PICKING_MODE
  // For picking mode, we use the ID as the color:
  v_color = a_id;
  #else
  // For normal mode, we use the color:
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`);return t}var Nr=.25,gn={arrowHead:null,curvatureAttribute:"curvature",defaultCurvature:Nr};var Fr=WebGLRenderingContext,Sr=Fr.UNSIGNED_BYTE,re=Fr.FLOAT;function bt(i){var n=Be(Be({},gn),i||{}),r=n,e=r.arrowHead,t=r.curvatureAttribute,a=r.drawLabel,o=e?.extremity==="target"||e?.extremity==="both",s=e?.extremity==="source"||e?.extremity==="both",l=["u_matrix","u_sizeRatio","u_dimensions","u_pixelRatio","u_feather","u_minEdgeThickness"].concat(gt(e?["u_lengthToThicknessRatio","u_widenessToThicknessRatio"]:[]));return function(u){on(h,u);function h(){var c;tn(this,h);for(var d=arguments.length,v=new Array(d),m=0;m<d;m++)v[m]=arguments[m];return c=an(this,h,[].concat(v)),Ar(Pr(c),"drawLabel",a||dn(n)),c}return rn(h,[{key:"getDefinition",value:function(){return{VERTICES:6,VERTEX_SHADER_SOURCE:vn(n),FRAGMENT_SHADER_SOURCE:fn(n),METHOD:WebGLRenderingContext.TRIANGLES,UNIFORMS:l,ATTRIBUTES:[{name:"a_source",size:2,type:re},{name:"a_target",size:2,type:re}].concat(gt(o?[{name:"a_targetSize",size:1,type:re}]:[]),gt(s?[{name:"a_sourceSize",size:1,type:re}]:[]),[{name:"a_thickness",size:1,type:re},{name:"a_curvature",size:1,type:re},{name:"a_color",size:4,type:Sr,normalized:!0},{name:"a_id",size:4,type:Sr,normalized:!0}]),CONSTANT_ATTRIBUTES:[{name:"a_current",size:1,type:re},{name:"a_direction",size:1,type:re}],CONSTANT_DATA:[[0,1],[0,-1],[1,1],[0,-1],[1,1],[1,-1]]}}},{key:"processVisibleItem",value:function(d,v,m,g,p){var T,_=p.size||1,b=m.x,E=m.y,x=g.x,C=g.y,R=W(p.color),F=(T=p[t])!==null&&T!==void 0?T:Nr,w=this.array;w[v++]=b,w[v++]=E,w[v++]=x,w[v++]=C,o&&(w[v++]=g.size),s&&(w[v++]=m.size),w[v++]=_,w[v++]=F,w[v++]=R,w[v++]=d}},{key:"setUniforms",value:function(d,v){var m=v.gl,g=v.uniformLocations,p=g.u_matrix,T=g.u_pixelRatio,_=g.u_feather,b=g.u_sizeRatio,E=g.u_dimensions,x=g.u_minEdgeThickness;if(m.uniformMatrix3fv(p,!1,d.matrix),m.uniform1f(T,d.pixelRatio),m.uniform1f(b,d.sizeRatio),m.uniform1f(_,d.antiAliasingFeather),m.uniform2f(E,d.width*d.pixelRatio,d.height*d.pixelRatio),m.uniform1f(x,d.minEdgeThickness),e){var C=g.u_lengthToThicknessRatio,R=g.u_widenessToThicknessRatio;m.uniform1f(C,e.lengthToThicknessRatio),m.uniform1f(R,e.widenessToThicknessRatio)}}}]),h}(J)}var mn=bt(),pn=bt({arrowHead:ee}),ba=bt({arrowHead:Be(Be({},ee),{},{extremity:"both"})});var export_Graph=bn.default;export{mn as EdgeCurveProgram,pn as EdgeCurvedArrowProgram,export_Graph as Graph,Xi as Sigma};
