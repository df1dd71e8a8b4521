/**
 * ICD-10 diagnoses beyond the common lists, for care's diagnosis search: codes of the 北京临床版
 * (the Beijing clinical edition of ICD-10, six-character codes such as J18.901 肺炎 or N40.X01
 * 前列腺肥大) with their Chinese names. One line per code: "code|中文名|pinyin syllables".
 *
 * Source: the `disease` table of the his01 teaching database (the Neusoft 云医院 HIS course
 * data set), file his.sql of the public GitHub repository DIE-4Y/HIS-Project, commit 6196343
 * (2023). Rows are copied as they stand, code and name only, from contiguous runs of that table:
 * A00–A15, I02–M35 and N28–N76 (4,894 codes; the common lists add E, F, H, O, R, S and others).
 * Licence: the repository states none. The rows are entries of a published classification (code
 * and standard name, no creative content of the repository's authors); check this again before
 * the list is distributed outside the group.
 *
 * Changes to the source: the dagger "+" of aetiology codes dropped (A01.003+ → A01.003); two
 * stray characters removed (J31.002 肥厚性鼻炎, K43.151 坏疽性腹疝); left out: rows whose name
 * holds a backtick, a second I67.951 (its code repeats once the dagger is gone) and M15.906 (name
 * garbled). The pinyin column is generated, not copied: `npx tsx src/care/icd10-full.cli.ts`
 * rewrites it (pinyin-pro needs about 300 ms for these names, too slow for every start-up).
 */
export const ICD10_FULL_TEXT = `
A00.051|古典型霍乱|gu dian xing huo luan
A00.052|中型[典型]霍乱|zhong xing dian xing huo luan
A00.053|重型[暴发型或干性]霍乱|zhong xing bao fa xing huo gan xing huo luan
A00.151|轻型[非典型]霍乱|qing xing fei dian xing huo luan
A00.152|埃尔托霍乱|ai er tuo huo luan
A00.153|埃尔托小肠炎|ai er tuo xiao chang yan
A00.901|霍乱 NOS|huo luan
A01.001|伤寒|shang han
A01.002|伤寒杆菌性败血症|shang han gan jun xing bai xue zheng
A01.003|伤寒性脑膜炎|shang han xing nao mo yan
A01.051|伤寒肺炎|shang han fei yan
A01.052|伤寒腹膜炎|shang han fu mo yan
A01.054|肠出血性伤寒|chang chu xue xing shang han
A01.055|伤寒性肠穿孔|shang han xing chang chuan kong
A01.056|肠伤寒|chang shang han
A01.057|伤寒样小肠炎|shang han yang xiao chang yan
A01.101|甲型副伤寒|jia xing fu shang han
A01.201|乙型副伤寒|yi xing fu shang han
A01.301|丙型副伤寒|bing xing fu shang han
A01.401|副伤寒|fu shang han
A02.001|Ｂ群沙门氏菌肠炎|qun sha men shi jun chang yan
A02.002|Ｃ群沙门氏菌肠炎|qun sha men shi jun chang yan
A02.003|阿哥拉沙门氏菌肠炎|a ge la sha men shi jun chang yan
A02.004|沙门氏菌性肠炎|sha men shi jun xing chang yan
A02.005|沙门氏菌伦敦血清型肠炎|sha men shi jun lun dun xue qing xing chang yan
A02.006|沙门氏菌胃肠炎|sha men shi jun wei chang yan
A02.007|鼠伤寒沙门氏菌性肠炎|shu shang han sha men shi jun xing chang yan
A02.008|婴儿沙门氏菌肠炎|ying er sha men shi jun chang yan
A02.051|沙门氏菌肠道感染|sha men shi jun chang dao gan ran
A02.052|沙门氏菌(亚利桑那)小肠炎|sha men shi jun ya li sang na xiao chang yan
A02.101|沙门氏菌败血症|sha men shi jun bai xue zheng
A02.102|沙门氏菌鼠伤寒伴有败血症|sha men shi jun shu shang han ban you bai xue zheng
A02.201|沙门氏菌性肺炎|sha men shi jun xing fei yan
A02.202|沙门氏菌性关节炎|sha men shi jun xing guan jie yan
A02.203|沙门氏菌性脑膜炎|sha men shi jun xing nao mo yan
A02.251|沙门氏菌性骨髓炎|sha men shi jun xing gu sui yan
A02.252|沙门氏菌性肾小管-间质病|sha men shi jun xing shen xiao guan jian zhi bing
A02.851|其他特指的沙门氏菌感染|qi ta te zhi de sha men shi jun gan ran
A02.901|沙门氏菌感染 NOS|sha men shi jun gan ran
A02.902|鼠伤寒沙门氏菌感染|shu shang han sha men shi jun gan ran
A02.903|沙门氏菌属食物中毒|sha men shi jun shu shi wu zhong du
A03.001|什密氏志贺菌痢疾|shen mi shi zhi he jun li ji
A03.051|志贺-克鲁泽痢疾[A亚群志贺菌病]|zhi he ke lu ze li ji ya qun zhi he jun bing
A03.052|施米茨(－施蒂策)痢疾|shi mi ci shi di ce li ji
A03.101|弗氏志贺菌痢疾|fu shi zhi he jun li ji
A03.151|希斯－罗素细菌性痢疾|xi si luo su xi jun xing li ji
A03.201|鲍氏志贺菌痢疾|bao shi zhi he jun li ji
A03.251|波伊德细菌性痢疾|bo yi de xi jun xing li ji
A03.301|宋内氏志贺菌痢疾|song nei shi zhi he jun li ji
A03.801|不定型志贺菌痢疾|bu ding xing zhi he jun li ji
A03.802|菌痢混合感染|jun li hun he gan ran
A03.851|其他志贺菌痢疾|qi ta zhi he jun li ji
A03.901|细菌性痢疾 NOS|xi jun xing li ji
A03.902|慢性细菌性痢疾急性发作|man xing xi jun xing li ji ji xing fa zuo
A03.903|慢性迁延型细菌性痢疾|man xing qian yan xing xi jun xing li ji
A03.904|慢性隐伏型菌痢|man xing yin fu xing jun li
A03.905|中毒性[暴发型]痢疾|zhong du xing bao fa xing li ji
A03.951|细菌性结肠炎|xi jun xing jie chang yan
A03.952|细菌性关节炎痢疾|xi jun xing guan jie yan li ji
A04.001|新生儿肠病原性大肠埃希氏菌肠炎|xin sheng er chang bing yuan xing da chang ai xi shi jun chang yan
A04.002|肠病原性大肠埃希氏菌肠炎|chang bing yuan xing da chang ai xi shi jun chang yan
A04.051|肠道原病性大肠埃希氏菌感染|chang dao yuan bing xing da chang ai xi shi jun gan ran
A04.101|肠毒性大肠埃希氏菌肠炎|chang du xing da chang ai xi shi jun chang yan
A04.102|新生儿肠毒性大肠埃希氏菌肠炎|xin sheng er chang du xing da chang ai xi shi jun chang yan
A04.151|肠毒性大肠埃希氏菌感染|chang du xing da chang ai xi shi jun gan ran
A04.201|侵袭性大肠埃希氏菌肠炎|qin xi xing da chang ai xi shi jun chang yan
A04.202|新生儿侵袭性大肠杆菌肠炎|xin sheng er qin xi xing da chang gan jun chang yan
A04.301|出血性大肠埃希氏菌肠炎|chu xue xing da chang ai xi shi jun chang yan
A04.302|新生儿出血性大肠杆菌肠炎|xin sheng er chu xue xing da chang gan jun chang yan
A04.401|大肠埃希氏杆菌性肠道感染|da chang ai xi shi gan jun xing chang dao gan ran
A04.402|新生儿大肠杆菌肠炎|xin sheng er da chang gan jun chang yan
A04.403|新生儿粘附性大肠杆菌肠炎|xin sheng er nian fu xing da chang gan jun chang yan
A04.404|粘附性大肠杆菌肠炎|nian fu xing da chang gan jun chang yan
A04.501|弯曲杆菌肠炎|wan qu gan jun chang yan
A04.601|耶尔森氏菌肠炎[冰箱病]|ye er sen shi jun chang yan bing xiang bing
A04.701|难辨梭状芽胞杆菌肠炎|nan bian suo zhuang ya bao gan jun chang yan
A04.751|难辨梭状芽胞杆菌性小肠结肠炎|nan bian suo zhuang ya bao gan jun xing xiao chang jie chang yan
A04.801|吡邻单胞菌肠炎|bi lin dan bao jun chang yan
A04.802|变形杆菌性肠炎|bian xing gan jun xing chang yan
A04.803|产气杆菌肠炎|chan qi gan jun chang yan
A04.804|肠道厌氧菌感染|chang dao yan yang jun gan ran
A04.805|副霍乱|fu huo luan
A04.806|副溶血孤菌肠炎|fu rong xue gu jun chang yan
A04.807|金黄色葡萄球菌性肠炎|jin huang se pu tao qiu jun xing chang yan
A04.808|绿脓杆菌性肠炎|lv nong gan jun xing chang yan
A04.809|难辨芽胞杆菌肠炎|nan bian ya bao gan jun chang yan
A04.810|嗜水气单胞菌肠炎|shi shui qi dan bao jun chang yan
A04.851|产气荚膜梭状芽胞杆菌(产气荚膜杆菌)肠炎|chan qi jia mo suo zhuang ya bao gan jun chan qi jia mo gan jun chang yan
A04.901|肠道感染|chang dao gan ran
A04.902|细菌性肠炎 NOS|xi jun xing chang yan
A04.903|感染性腹泻|gan ran xing fu xie
A05.001|葡萄球菌性食物中毒|pu tao qiu jun xing shi wu zhong du
A05.101|肉毒中毒|rou du zhong du
A05.151|肉毒梭状芽胞杆菌性食物中毒|rou du suo zhuang ya bao gan jun xing shi wu zhong du
A05.201|出血性坏死性肠炎|chu xue xing huai si xing chang yan
A05.202|急性坏死性肠炎|ji xing huai si xing chang yan
A05.203|急性出血性坏死性肠炎|ji xing chu xue xing huai si xing chang yan
A05.251|坏死性肠炎|huai si xing chang yan
A05.252|产气夹膜梭状芽胞杆菌[韦尔希梭状芽胞杆菌]性食物中毒|chan qi jia mo suo zhuang ya bao gan jun wei er xi suo zhuang ya bao gan jun xing shi wu zhong du
A05.253|猪腹病|zhu fu bing
A05.301|副溶血弧菌性食物中毒|fu rong xue hu jun xing shi wu zhong du
A05.451|蜡样芽胞杆菌性食物中毒|la yang ya bao gan jun xing shi wu zhong du
A05.851|大肠杆菌性食物中毒|da chang gan jun xing shi wu zhong du
A05.852|嗜盐杆菌性食物中毒|shi yan gan jun xing shi wu zhong du
A05.901|细菌性食物中毒|xi jun xing shi wu zhong du
A05.951|食物中毒 NOS|shi wu zhong du
A05.952|胃肠型食物中毒|wei chang xing shi wu zhong du
A05.953|香肠(腊肠)食物中毒|xiang chang la chang shi wu zhong du
A06.001|阿米巴性肠炎|a mi ba xing chang yan
A06.002|阿米巴性结肠炎|a mi ba xing jie chang yan
A06.003|阿米巴性痢疾|a mi ba xing li ji
A06.004|肠道阿米巴病 NOS|chang dao a mi ba bing
A06.005|急性阿米巴痢疾|ji xing a mi ba li ji
A06.051|急性阿米巴病|ji xing a mi ba bing
A06.101|慢性肠道阿米巴病|man xing chang dao a mi ba bing
A06.151|慢性阿米巴性痢疾|man xing a mi ba xing li ji
A06.152|阿米巴(肠)溃疡|a mi ba chang kui yang
A06.153|慢性阿米巴病|man xing a mi ba bing
A06.154|慢性阿米巴病肠炎|man xing a mi ba bing chang yan
A06.201|非痢疾性阿米巴结肠炎|fei li ji xing a mi ba jie chang yan
A06.251|非痢疾性阿米巴肠炎|fei li ji xing a mi ba chang yan
A06.252|急性非痢疾性阿米巴肠炎|ji xing fei li ji xing a mi ba chang yan
A06.253|慢性非痢疾性阿米巴肠炎|man xing fei li ji xing a mi ba chang yan
A06.301|阿米巴性肉芽肿(阿米巴瘤)|a mi ba xing rou ya zhong a mi ba liu
A06.351|阿米巴病肠穿孔|a mi ba bing chang chuan kong
A06.352|肠道阿米巴|chang dao a mi ba
A06.401|阿米巴性肝脓肿|a mi ba xing gan nong zhong
A06.402|肝阿米巴病|gan a mi ba bing
A06.451|阿米巴脓肿|a mi ba nong zhong
A06.501|阿米巴性肺脓肿|a mi ba xing fei nong zhong
A06.502|肝肺阿米巴脓肿|gan fei a mi ba nong zhong
A06.651|阿米巴性脑脓肿|a mi ba xing nao nong zhong
A06.652|阿米巴脑和肝脓肿|a mi ba nao he gan nong zhong
A06.653|阿米巴脑和肺脓肿|a mi ba nao he fei nong zhong
A06.654|阿米巴脑和肝、肺脓肿|a mi ba nao he gan fei nong zhong
A06.701|阿米巴性皮肤溃疡|a mi ba xing pi fu kui yang
A06.751|阿米巴皮炎|a mi ba pi yan
A06.801|肺阿米巴病|fei a mi ba bing
A06.851|阿米巴性阑尾炎|a mi ba xing lan wei yan
A06.852|阿米巴性外阴炎|a mi ba xing wai yin yan
A06.853|阿米巴性心包炎|a mi ba xing xin bao yan
A06.854|阿米巴性龟头炎|a mi ba xing gui tou yan
A06.901|阿米巴病 NOS|a mi ba bing
A07.001|小袋虫病|xiao dai chong bing
A07.051|小袋虫性痢疾|xiao dai chong xing li ji
A07.101|贾第虫病(肠贾第虫)[兰伯鞭毛虫病]|jia di chong bing chang jia di chong lan bo bian mao chong bing
A07.151|肠梨形鞭毛虫病[蓝氏贾第鞭毛虫病]|chang li xing bian mao chong bing lan shi jia di bian mao chong bing
A07.251|隐孢子虫病|yin bao zi chong bing
A07.301|等孢子球虫病(球虫病)|deng bao zi qiu chong bing qiu chong bing
A07.351|肠道球虫病|chang dao qiu chong bing
A07.801|肠道滴虫病|chang dao di chong bing
A07.802|肉孢子虫病|rou bao zi chong bing
A07.851|肠道毛滴虫病|chang dao mao di chong bing
A07.951|鞭毛虫性腹泻|bian mao chong xing fu xie
A07.952|原生动物性结肠炎|yuan sheng dong wu xing jie chang yan
A07.953|原生动物性痢疾|yuan sheng dong wu xing li ji
A07.954|原生动物性腹泻|yuan sheng dong wu xing fu xie
A08.001|旋转(轮状)病毒肠炎|xuan zhuan lun zhuang bing du chang yan
A08.101|诺瓦克病毒肠炎|nuo wa ke bing du chang yan
A08.151|流行性恶心|liu xing xing e xin
A08.152|流行性病毒性诺瓦克型胃肠病|liu xing xing bing du xing nuo wa ke xing wei chang bing
A08.153|流行性呕吐综合征[布拉德利病]|liu xing xing ou tu zong he zheng bu la de li bing
A08.154|流行性胃肠炎[斯潘塞病]|liu xing xing wei chang yan si pan sai bing
A08.155|小圆结构病毒性肠炎|xiao yuan jie gou bing du xing chang yan
A08.201|腺病毒肠炎|xian bing du chang yan
A08.351|轮转病毒胃肠炎|lun zhuan bing du wei chang yan
A08.401|病毒性肠炎|bing du xing chang yan
A08.402|病毒性胃肠炎|bing du xing wei chang yan
A08.451|肠道病毒感染|chang dao bing du gan ran
A08.452|病毒性胃肠病|bing du xing wei chang bing
A15.001|肺结核，显微镜检证实|fei jie he xian wei jing jian zheng shi
A15.051|结核性肺纤维变性，经显微镜下痰检查证实|jie he xing fei xian wei bian xing jing xian wei jing xia tan jian cha zheng shi
A15.052|结核性气胸，经显微镜下痰检查证实|jie he xing qi xiong jing xian wei jing xia tan jian cha zheng shi
A15.053|结核性肺炎，经显微镜下痰检查证实|jie he xing fei yan jing xian wei jing xia tan jian cha zheng shi
A15.054|结核性支气管扩张，经显微镜下痰检查证实|jie he xing zhi qi guan kuo zhang jing xian wei jing xia tan jian cha zheng shi
A15.101|肺结核病，仅经痰培养所证实|fei jie he bing jin jing tan pei yang suo zheng shi
A15.151|结核性肺纤维变性，仅经痰培养所证实|jie he xing fei xian wei bian xing jin jing tan pei yang suo zheng shi
A15.152|结核性气胸，仅经痰培养所证实|jie he xing qi xiong jin jing tan pei yang suo zheng shi
A15.153|结核性肺炎，仅经痰培养所证实|jie he xing fei yan jin jing tan pei yang suo zheng shi
A15.154|结核性支气管扩张，仅经痰培养所证实|jie he xing zhi qi guan kuo zhang jin jing tan pei yang suo zheng shi
A15.201|肺结核病，经组织学所证实|fei jie he bing jing zu zhi xue suo zheng shi
A15.251|结核性肺纤维变性，经组织学所证实|jie he xing fei xian wei bian xing jing zu zhi xue suo zheng shi
A15.252|结核性气胸，经组织学所证实|jie he xing qi xiong jing zu zhi xue suo zheng shi
A15.253|结核性肺炎，经组织学所证实|jie he xing fei yan jing zu zhi xue suo zheng shi
A15.254|结核性支气管扩张，经组织学所证实|jie he xing zhi qi guan kuo zhang jing zu zhi xue suo zheng shi
A15.351|肺结核病，经未特指的方法所证实|fei jie he bing jing wei te zhi de fang fa suo zheng shi
A15.352|结核性肺纤维变性，经未特指的方法所证实|jie he xing fei xian wei bian xing jing wei te zhi de fang fa suo zheng shi
A15.353|结核性气胸，经未特指的方法所证实|jie he xing qi xiong jing wei te zhi de fang fa suo zheng shi
A15.354|结核性肺炎，经未特指的方法所证实|jie he xing fei yan jing wei te zhi de fang fa suo zheng shi
A15.355|结核性支气管扩张，经未特指的方法所证实|jie he xing zhi qi guan kuo zhang jing wei te zhi de fang fa suo zheng shi
A15.451|肺门淋巴结结核病，经细菌学和组织学所证实|fei men lin ba jie jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.452|纵隔淋巴结结核病，经细菌学和组织学所证实|zong ge lin ba jie jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.453|气管支气管淋巴结结核病，经细菌学和组织学所证实|qi guan zhi qi guan lin ba jie jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.501|肺门淋巴结结核,已证实|fei men lin ba jie jie he yi zheng shi
A15.551|支气管结核病，经细菌学和组织学所证实|zhi qi guan jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.552|声门结核病，经细菌学和组织学所证实|sheng men jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.553|喉结核病，经细菌学和组织学所证实|hou jie he bing jing xi jun xue he zu zhi xue suo zheng shi
A15.554|气管结核病，经细菌学和组织学所证实|qi guan jie he bing jing xi jun xue he zu zhi xue suo zheng shi
I02.057|风湿性舞蹈症[西德纳姆]伴心包炎|feng shi xing wu dao zheng xi de na mu ban xin bao yan
I02.058|风湿性舞蹈症[西德纳姆]伴心肌炎|feng shi xing wu dao zheng xi de na mu ban xin ji yan
I02.059|风湿性舞蹈症[西德纳姆]伴心内膜炎|feng shi xing wu dao zheng xi de na mu ban xin nei mo yan
I02.060|风湿性舞蹈症[西德纳姆]伴主动脉瓣心内膜炎|feng shi xing wu dao zheng xi de na mu ban zhu dong mai ban xin nei mo yan
I02.901|风湿性舞蹈病|feng shi xing wu dao bing
I02.902|急性风湿性舞蹈病|ji xing feng shi xing wu dao bing
I02.903|慢性风湿性舞蹈病|man xing feng shi xing wu dao bing
I02.951|西德纳姆舞蹈症(重症)(小)(痉挛性)|xi de na mu wu dao zheng zhong zheng xiao jing luan xing
I05.001|风湿性二尖瓣狭窄|feng shi xing er jian ban xia zhai
I05.101|风湿性二尖瓣闭锁不全|feng shi xing er jian ban bi suo bu quan
I05.151|风湿性二尖瓣回流|feng shi xing er jian ban hui liu
I05.201|风湿性二尖瓣狭窄伴闭锁不全随|feng shi xing er jian ban xia zhai ban bi suo bu quan sui
I05.202|二尖瓣狭窄闭锁不全|er jian ban xia zhai bi suo bu quan
I05.801|二尖瓣钙化|er jian ban gai hua
I05.851|二尖瓣衰竭|er jian ban shuai jie
I05.901|二尖瓣病 NOS|er jian ban bing
I06.001|风湿性主动脉瓣狭窄|feng shi xing zhu dong mai ban xia zhai
I06.051|风湿性主动脉(瓣)梗阻|feng shi xing zhu dong mai ban geng zu
I06.101|风湿性主动脉瓣闭锁不全|feng shi xing zhu dong mai ban bi suo bu quan
I06.102|风湿性主动脉瓣返流|feng shi xing zhu dong mai ban fan liu
I06.201|风湿性主动脉瓣狭窄伴闭锁不全|feng shi xing zhu dong mai ban xia zhai ban bi suo bu quan
I06.851|其他风湿性主动脉(瓣)疾病|qi ta feng shi xing zhu dong mai ban ji bing
I06.951|风湿性主动脉(瓣)疾病 NOS|feng shi xing zhu dong mai ban ji bing
I07.001|风湿性三尖瓣狭窄|feng shi xing san jian ban xia zhai
I07.002|三尖瓣狭窄|san jian ban xia zhai
I07.101|三尖瓣闭锁不全|san jian ban bi suo bu quan
I07.151|风湿性三尖瓣关闭不全|feng shi xing san jian ban guan bi bu quan
I07.152|三尖瓣返流|san jian ban fan liu
I07.201|三尖瓣狭窄伴关闭不全|san jian ban xia zhai ban guan bi bu quan
I07.851|其他三尖瓣疾病|qi ta san jian ban ji bing
I07.951|三尖瓣疾病 NOS|san jian ban ji bing
I08.001|二尖瓣闭锁不全伴主动脉瓣狭窄|er jian ban bi suo bu quan ban zhu dong mai ban xia zhai
I08.002|二尖瓣闭锁不全伴主动脉瓣狭窄和主动脉漏|er jian ban bi suo bu quan ban zhu dong mai ban xia zhai he zhu dong mai lou
I08.003|二尖瓣闭锁不全及主动脉瓣狭窄闭锁不全|er jian ban bi suo bu quan ji zhu dong mai ban xia zhai bi suo bu quan
I08.004|二尖瓣及主动脉瓣闭锁不全|er jian ban ji zhu dong mai ban bi suo bu quan
I08.005|二尖瓣及主动脉瓣畸形|er jian ban ji zhu dong mai ban ji xing
I08.006|二尖瓣狭窄伴主动脉瓣返流|er jian ban xia zhai ban zhu dong mai ban fan liu
I08.007|二尖瓣及主动脉瓣狭窄|er jian ban ji zhu dong mai ban xia zhai
I08.008|二尖瓣狭窄伴主动脉瓣狭窄|er jian ban xia zhai ban zhu dong mai ban xia zhai
I08.009|二尖瓣及主动脉瓣狭窄闭锁不全|er jian ban ji zhu dong mai ban xia zhai bi suo bu quan
I08.010|二尖瓣狭窄伴主动脉瓣狭窄闭锁不全|er jian ban xia zhai ban zhu dong mai ban xia zhai bi suo bu quan
I08.011|二尖瓣狭窄闭锁不全伴主动脉狭窄|er jian ban xia zhai bi suo bu quan ban zhu dong mai xia zhai
I08.012|二尖瓣狭窄关闭不全及主动脉瓣关闭不全|er jian ban xia zhai guan bi bu quan ji zhu dong mai ban guan bi bu quan
I08.013|风湿性二尖瓣及主动脉瓣闭锁不全|feng shi xing er jian ban ji zhu dong mai ban bi suo bu quan
I08.014|风湿性二尖瓣闭锁不全伴主动脉瓣狭窄|feng shi xing er jian ban bi suo bu quan ban zhu dong mai ban xia zhai
I08.015|风湿性二尖瓣闭锁不全伴主动脉瓣狭窄和漏|feng shi xing er jian ban bi suo bu quan ban zhu dong mai ban xia zhai he lou
I08.016|心内膜炎并主动脉瓣二尖瓣穿孔|xin nei mo yan bing zhu dong mai ban er jian ban chuan kong
I08.051|风湿性二尖瓣闭锁不全伴主动脉狭窄、闭锁不全|feng shi xing er jian ban bi suo bu quan ban zhu dong mai xia zhai bi suo bu quan
I08.052|风湿性二尖瓣狭窄、闭锁不全伴主动脉瓣、闭锁不全|feng shi xing er jian ban xia zhai bi suo bu quan ban zhu dong mai ban bi suo bu quan
I08.053|风湿性二尖瓣狭窄伴主动脉瓣、闭锁不全|feng shi xing er jian ban xia zhai ban zhu dong mai ban bi suo bu quan
I08.054|风湿性二尖瓣狭窄伴主动脉瓣狭窄、闭锁不全|feng shi xing er jian ban xia zhai ban zhu dong mai ban xia zhai bi suo bu quan
I08.151|二尖瓣和三尖瓣的疾患|er jian ban he san jian ban de ji huan
I08.251|主动脉瓣和三尖瓣的疾患|zhu dong mai ban he san jian ban de ji huan
I08.351|二尖瓣、主动脉瓣、三尖瓣合并疾患|er jian ban zhu dong mai ban san jian ban he bing ji huan
I08.851|风湿性联合瓣膜病|feng shi xing lian he ban mo bing
I08.951|多个心瓣膜疾病 NOS|duo ge xin ban mo ji bing
I09.001|风湿性心肌[阿朔夫小体]|feng shi xing xin ji a shuo fu xiao ti
I09.051|慢性风湿性心脏病|man xing feng shi xing xin zang bing
I09.151|慢性风湿性心内膜炎|man xing feng shi xing xin nei mo yan
I09.152|慢性风湿性心瓣膜炎|man xing feng shi xing xin ban mo yan
I09.201|风湿性粘连性心包炎|feng shi xing nian lian xing xin bao yan
I09.202|慢性风湿性心包炎|man xing feng shi xing xin bao yan
I09.203|慢性风湿性心肌心包炎|man xing feng shi xing xin ji xin bao yan
I09.204|慢性风湿性纵隔心包炎|man xing feng shi xing zong ge xin bao yan
I09.251|慢性风湿性心肌炎|man xing feng shi xing xin ji yan
I09.801|风湿性肺动脉瓣闭锁不全|feng shi xing fei dong mai ban bi suo bu quan
I09.802|风湿性肺动脉瓣狭窄|feng shi xing fei dong mai ban xia zhai
I09.803|风湿性全心炎|feng shi xing quan xin yan
I09.851|风湿性心脏肥大|feng shi xing xin zang fei da
I09.901|风湿性心脏病(RHD)|feng shi xing xin zang bing
I10.X01|恶性高血压[急进型高血压病]|e xing gao xue ya ji jin xing gao xue ya bing
I10.X02|高血压|gao xue ya
I10.X03|高血压I|gao xue ya
I10.X04|高血压Ⅱ|gao xue ya
I10.X05|高血压Ⅲ|gao xue ya
I10.X06|高血压危象|gao xue ya wei xiang
I10.X07|老年收缩期高血压|lao nian shou suo qi gao xue ya
I10.X08|良性高血压|liang xing gao xue ya
I10.X09|临界性高血压|lin jie xing gao xue ya
I10.X10|特发性高血压|te fa xing gao xue ya
I10.X11|原发性高血压|yuan fa xing gao xue ya
I11.051|高血压性心脏病，伴有(充血性)心力衰竭|gao xue ya xing xin zang bing ban you chong xue xing xin li shuai jie
I11.052|高血压性心力衰竭|gao xue ya xing xin li shuai jie
I11.901|高血压性心脏病 NOS|gao xue ya xing xin zang bing
I11.951|高血压性心脏病，不伴有(充血性)心力衰竭|gao xue ya xing xin zang bing bu ban you chong xue xing xin li shuai jie
I12.001|高血压性肾衰竭|gao xue ya xing shen shuai jie
I12.901|动脉硬化性肾病|dong mai ying hua xing shen bing
I12.902|动脉硬化性肾炎|dong mai ying hua xing shen yan
I12.903|高血压性肾病(肾性高血压)|gao xue ya xing shen bing shen xing gao xue ya
I12.904|肾动脉硬化|shen dong mai ying hua
I12.905|肾萎缩伴有高血压|shen wei suo ban you gao xue ya
I12.906|小动脉性肾炎|xiao dong mai xing shen yan
I12.907|小动脉性肾硬化|xiao dong mai xing shen ying hua
I12.951|高血压性肾炎|gao xue ya xing shen yan
I13.051|高血压性心脏病和肾脏病伴有(充血性)心力衰竭|gao xue ya xing xin zang bing he shen zang bing ban you chong xue xing xin li shuai jie
I13.151|高血压性心脏病和肾脏病伴有肾衰竭|gao xue ya xing xin zang bing he shen zang bing ban you shen shuai jie
I13.251|高血压性心脏病和肾脏病同时伴有(充血性)心力衰竭和肾衰竭|gao xue ya xing xin zang bing he shen zang bing tong shi ban you chong xue xing xin li shuai jie he shen shuai jie
I13.908|高血压性心脏病及肾脏病 NOS|gao xue ya xing xin zang bing ji shen zang bing
I13.909|肾性高血压伴高血压性心脏病|shen xing gao xue ya ban gao xue ya xing xin zang bing
I13.951|心肾综合征|xin shen zong he zheng
I15.001|肾血管性高血压|shen xue guan xing gao xue ya
I15.101|肾实质性高血压病|shen shi zhi xing gao xue ya bing
I15.102|肾性高血压|shen xing gao xue ya
I15.151|继发于其他肾疾患的高血压|ji fa yu qi ta shen ji huan de gao xue ya
I15.251|继发于内分泌疾患的高血压|ji fa yu nei fen mi ji huan de gao xue ya
I15.801|口服避孕药高血压|kou fu bi yun yao gao xue ya
I15.802|其它继发性高血压|qi ta ji fa xing gao xue ya
I15.901|继发性高血压|ji fa xing gao xue ya
I20.001|不稳定性心绞痛|bu wen ding xing xin jiao tong
I20.002|梗塞前综合征|geng se qian zong he zheng
I20.051|增强型心绞痛|zeng qiang xing xin jiao tong
I20.052|心肌梗死前综合征|xin ji geng si qian zong he zheng
I20.053|中间型冠状动脉综合征|zhong jian xing guan zhuang dong mai zong he zheng
I20.054|劳力恶化型心绞痛|lao li e hua xing xin jiao tong
I20.055|劳力再次型心绞痛|lao li zai ci xing xin jiao tong
I20.056|梗死前心绞痛|geng si qian xin jiao tong
I20.101|冠状动脉痉挛|guan zhuang dong mai jing luan
I20.151|普林兹梅特尔|pu lin zi mei te er
I20.152|心绞痛Ｘ－综合征[微血管型心绞痛]|xin jiao tong zong he zheng wei xue guan xing xin jiao tong
I20.153|变异型心绞痛|bian yi xing xin jiao tong
I20.801|Ｘ综合征|zong he zheng
I20.802|梗塞后心绞痛|geng se hou xin jiao tong
I20.803|混合型心绞痛|hun he xing xin jiao tong
I20.804|劳力型心绞痛|lao li xing xin jiao tong
I20.805|稳定性心绞痛|wen ding xing xin jiao tong
I20.851|狭心症|xia xin zheng
I20.902|心绞痛 NOS|xin jiao tong
I20.951|缺血性胸痛|que xue xing xiong tong
I20.952|心绞痛综合症(血管运动型)|xin jiao tong zong he zheng xue guan yun dong xing
I21.001|急性前壁侧壁心肌梗死|ji xing qian bi ce bi xin ji geng si
I21.002|急性前壁心肌梗死|ji xing qian bi xin ji geng si
I21.003|急性前膈心肌梗死|ji xing qian ge xin ji geng si
I21.004|急性前间壁心肌梗死|ji xing qian jian bi xin ji geng si
I21.051|前壁尖部急性透壁心肌梗死|qian bi jian bu ji xing tou bi xin ji geng si
I21.101|急性膈面(下壁)心肌梗死|ji xing ge mian xia bi xin ji geng si
I21.102|急性膈面心肌梗死|ji xing ge mian xin ji geng si
I21.103|急性下壁心肌梗死|ji xing xia bi xin ji geng si
I21.151|膈壁急性透壁心肌梗死|ge bi ji xing tou bi xin ji geng si
I21.152|下侧壁急性透壁心肌梗死|xia ce bi ji xing tou bi xin ji geng si
I21.153|下后壁急性透壁心肌梗死|xia hou bi ji xing tou bi xin ji geng si
I21.201|急性侧壁心肌梗死|ji xing ce bi xin ji geng si
I21.202|急性高侧壁心肌梗死|ji xing gao ce bi xin ji geng si
I21.203|急性后壁心肌梗死|ji xing hou bi xin ji geng si
I21.204|急性前壁下壁心肌梗死|ji xing qian bi xia bi xin ji geng si
I21.205|急性室间隔下段心肌梗死|ji xing shi jian ge xia duan xin ji geng si
I21.206|急性下壁侧壁正后壁心肌梗死|ji xing xia bi ce bi zheng hou bi xin ji geng si
I21.207|急性下壁右心室心肌梗死|ji xing xia bi you xin shi xin ji geng si
I21.208|急性下壁正后壁心肌梗死|ji xing xia bi zheng hou bi xin ji geng si
I21.209|急性心房心肌梗死|ji xing xin fang xin ji geng si
I21.210|急性心尖部心肌梗死|ji xing xin jian bu xin ji geng si
I21.211|急性正后壁心肌梗死|ji xing zheng hou bi xin ji geng si
I21.212|右心肌梗死|you xin ji geng si
I21.251|尖-侧壁急性透壁心肌梗死|jian ce bi ji xing tou bi xin ji geng si
I21.252|基底-侧壁急性透壁心肌梗死|ji di ce bi ji xing tou bi xin ji geng si
I21.253|高侧壁急性透壁心肌梗死|gao ce bi ji xing tou bi xin ji geng si
I21.254|侧(壁)急性透壁心肌梗死|ce bi ji xing tou bi xin ji geng si
I21.255|后壁急性透壁心肌梗死|hou bi ji xing tou bi xin ji geng si
I21.256|后基底壁急性透壁心肌梗死|hou ji di bi ji xing tou bi xin ji geng si
I21.257|后侧壁急性透壁心肌梗死|hou ce bi ji xing tou bi xin ji geng si
I21.258|后间壁急性透壁心肌梗死|hou jian bi ji xing tou bi xin ji geng si
I21.259|间壁急性透壁心肌梗死|jian bi ji xing tou bi xin ji geng si
I21.301|急性右心室心肌梗死|ji xing you xin shi xin ji geng si
I21.302|急性室壁心肌梗死|ji xing shi bi xin ji geng si
I21.303|手术后心肌梗死|shou shu hou xin ji geng si
I21.351|透壁性心肌梗死|tou bi xing xin ji geng si
I21.401|急性小灶心肌梗死|ji xing xiao zao xin ji geng si
I21.402|急性心内膜下心肌梗死|ji xing xin nei mo xia xin ji geng si
I21.451|心内膜下心肌梗塞综合征|xin nei mo xia xin ji geng se zong he zheng
I21.452|非透壁性心肌梗死|fei tou bi xing xin ji geng si
I21.901|非冠心病心肌梗死|fei guan xin bing xin ji geng si
I21.903|冠状动脉闭塞|guan zhuang dong mai bi se
I21.904|冠状动脉破裂|guan zhuang dong mai po lie
I21.905|冠状动脉栓塞伴心肌梗死|guan zhuang dong mai shuan se ban xin ji geng si
I21.906|冠状动脉血栓形成伴心肌梗死|guan zhuang dong mai xue shuan xing cheng ban xin ji geng si
I21.907|急性多壁心肌梗死|ji xing duo bi xin ji geng si
I21.908|室间隔穿孔|shi jian ge chuan kong
I21.909|心脏破裂|xin zang po lie
I21.910|心脏卒中|xin zang zu zhong
I21.911|亚急性心肌梗死|ya ji xing xin ji geng si
I21.951|心肌梗塞(急性) NOS|xin ji geng se ji xing
I21.952|心脏梗塞|xin zang geng se
I22.051|前壁的随后性心肌梗死|qian bi de sui hou xing xin ji geng si
I22.052|前间壁的随后性心肌梗死|qian jian bi de sui hou xing xin ji geng si
I22.053|前侧壁的随后性心肌梗死|qian ce bi de sui hou xing xin ji geng si
I22.054|前壁尖部的随后性心肌梗死|qian bi jian bu de sui hou xing xin ji geng si
I22.151|下壁的随后性心肌梗死|xia bi de sui hou xing xin ji geng si
I22.152|膈壁的随后性心肌梗死|ge bi de sui hou xing xin ji geng si
I22.153|下侧壁的随后性心肌梗死|xia ce bi de sui hou xing xin ji geng si
I22.154|下后壁的随后性心肌梗死|xia hou bi de sui hou xing xin ji geng si
I22.851|尖-侧壁的随后性心肌梗死|jian ce bi de sui hou xing xin ji geng si
I22.852|基底-侧壁的随后性心肌梗死|ji di ce bi de sui hou xing xin ji geng si
I22.853|高侧壁的随后性心肌梗死|gao ce bi de sui hou xing xin ji geng si
I22.854|侧(壁)的随后性心肌梗死|ce bi de sui hou xing xin ji geng si
I22.855|后(真性)壁的随后性心肌梗死|hou zhen xing bi de sui hou xing xin ji geng si
I22.856|后侧壁的随后性心肌梗死|hou ce bi de sui hou xing xin ji geng si
I22.857|后间壁的随后性心肌梗死|hou jian bi de sui hou xing xin ji geng si
I22.858|间壁的随后性心肌梗死|jian bi de sui hou xing xin ji geng si
I22.901|急性再发心肌梗死|ji xing zai fa xin ji geng si
I22.951|随后性心肌梗死|sui hou xing xin ji geng si
I23.051|急性心肌梗死后的近期并发症心包积血|ji xing xin ji geng si hou de jin qi bing fa zheng xin bao ji xue
I23.151|急性心肌梗死后的近期并发症房间隔缺损|ji xing xin ji geng si hou de jin qi bing fa zheng fang jian ge que sun
I23.251|急性心肌梗死后的近期并发症室间隔缺损|ji xing xin ji geng si hou de jin qi bing fa zheng shi jian ge que sun
I23.351|急性心肌梗死后的近期并发症心壁破裂|ji xing xin ji geng si hou de jin qi bing fa zheng xin bi po lie
I23.451|急性心肌梗死后的近期并发症腱索断裂|ji xing xin ji geng si hou de jin qi bing fa zheng jian suo duan lie
I23.551|急性心肌梗死后的近期并发症乳头肌断裂|ji xing xin ji geng si hou de jin qi bing fa zheng ru tou ji duan lie
I23.651|急性心肌梗死后的近期并发症心房、心耳和心室的血栓形成|ji xing xin ji geng si hou de jin qi bing fa zheng xin fang xin er he xin shi de xue shuan xing cheng
I23.851|急性心肌梗死后的其他近期并发症|ji xing xin ji geng si hou de qi ta jin qi bing fa zheng
I24.051|心肌梗塞后综合征|xin ji geng se hou zong he zheng
I24.052|冠状动脉(静)脉栓(闭)塞|guan zhuang dong mai jing mai shuan bi se
I24.053|冠状动脉血栓形成，未造成心肌梗死|guan zhuang dong mai xue shuan xing cheng wei zao cheng xin ji geng si
I24.101|心肌梗死后综合征|xin ji geng si hou zong he zheng
I24.151|德雷斯勒综合征|de lei si le zong he zheng
I24.801|冠状动脉供血不足|guan zhuang dong mai gong xue bu zu
I24.802|急性冠状动脉供血不足|ji xing guan zhuang dong mai gong xue bu zu
I24.851|冠状动脉衰竭|guan zhuang dong mai shuai jie
I24.951|急性及亚急性缺血性心脏病 NOS|ji xing ji ya ji xing que xue xing xin zang bing
I25.051|动脉硬化性心血管病|dong mai ying hua xing xin xue guan bing
I25.101|冠心病|guan xin bing
I25.102|急性心肌缺血|ji xing xin ji que xue
I25.103|冠状动脉狭窄|guan zhuang dong mai xia zhai
I25.104|冠状动脉粥样硬化(狭窄)|guan zhuang dong mai zhou yang ying hua xia zhai
I25.105|冠状动脉粥样硬化性心脏病|guan zhuang dong mai zhou yang ying hua xing xin zang bing
I25.151|心肌硬化|xin ji ying hua
I25.152|冠状动脉病|guan zhuang dong mai bing
I25.201|陈旧性高侧壁心肌梗死|chen jiu xing gao ce bi xin ji geng si
I25.202|陈旧性后壁心肌梗死|chen jiu xing hou bi xin ji geng si
I25.203|陈旧性前壁心肌梗死|chen jiu xing qian bi xin ji geng si
I25.204|陈旧性前间壁心肌梗死|chen jiu xing qian jian bi xin ji geng si
I25.205|陈旧性下壁后壁心肌梗死|chen jiu xing xia bi hou bi xin ji geng si
I25.206|陈旧性下壁前壁心肌梗死|chen jiu xing xia bi qian bi xin ji geng si
I25.207|陈旧性下壁心肌梗死|chen jiu xing xia bi xin ji geng si
I25.208|陈旧性下壁正后壁心肌梗死|chen jiu xing xia bi zheng hou bi xin ji geng si
I25.209|陈旧性小灶性心肌梗死|chen jiu xing xiao zao xing xin ji geng si
I25.210|陈旧性心肌梗死|chen jiu xing xin ji geng si
I25.211|陈旧性心内膜下心肌梗死|chen jiu xing xin nei mo xia xin ji geng si
I25.212|陈旧性正后壁心肌梗死|chen jiu xing zheng hou bi xin ji geng si
I25.213|心肌梗塞恢复期|xin ji geng se hui fu qi
I25.251|治愈的心肌梗死|zhi yu de xin ji geng si
I25.301|房壁瘤(心壁动脉瘤)|fang bi liu xin bi dong mai liu
I25.302|室壁瘤(心室壁动脉瘤)|shi bi liu xin shi bi dong mai liu
I25.351|心脏动脉瘤|xin zang dong mai liu
I25.401|冠状动脉窦动脉瘤|guan zhuang dong mai dou dong mai liu
I25.402|冠状动脉扩张|guan zhuang dong mai kuo zhang
I25.451|后天性冠状动脉动静脉瘘|hou tian xing guan zhuang dong mai dong jing mai lou
I25.501|缺血性心肌病|que xue xing xin ji bing
I25.551|慢性心肌缺血|man xing xin ji que xue
I25.651|无症状的心肌缺血|wu zheng zhuang de xin ji que xue
I25.652|隐性冠心病(无症状性冠心病)|yin xing guan xin bing wu zheng zhuang xing guan xin bing
I25.653|无症状的缺血性心脏病|wu zheng zhuang de que xue xing xin zang bing
I25.801|冠状动脉炎|guan zhuang dong mai yan
I25.802|冠状动脉左房瘘|guan zhuang dong mai zuo fang lou
I25.803|慢性冠状动脉供血不足|man xing guan zhuang dong mai gong xue bu zu
I25.901|冠状动脉缺血|guan zhuang dong mai que xue
I25.902|缺血性心脏病|que xue xing xin zang bing
I26.001|急性肺原性心脏病|ji xing fei yuan xing xin zang bing
I26.051|肺栓塞，伴急性肺原性心脏病|fei shuan se ban ji xing fei yuan xing xin zang bing
I26.901|肺栓塞|fei shuan se
I26.902|肺血栓形成|fei xue shuan xing cheng
I26.951|出血性肺动(静)脉梗塞|chu xue xing fei dong jing mai geng se
I26.952|肺栓塞，不伴急性肺原性心脏病|fei shuan se bu ban ji xing fei yuan xing xin zang bing
I27.001|肺动脉高压|fei dong mai gao ya
I27.002|肺动脉高压危象|fei dong mai gao ya wei xiang
I27.003|原发性肺动脉高压 (特发性)|yuan fa xing fei dong mai gao ya te fa xing
I27.051|肺动脉硬化|fei dong mai ying hua
I27.052|肺动脉硬化伴肺动脉高血压|fei dong mai ying hua ban fei dong mai gao xue ya
I27.053|肺细动脉狭窄引起的心脏病[阿耶萨氏综合征]|fei xi dong mai xia zhai yin qi de xin zang bing a ye sa shi zong he zheng
I27.101|脊柱后侧凸性心脏病|ji zhu hou ce tu xing xin zang bing
I27.801|继发性肺动脉高压|ji fa xing fei dong mai gao ya
I27.851|其他特指肺原性心脏病|qi ta te zhi fei yuan xing xin zang bing
I27.901|肺源性心脏病|fei yuan xing xin zang bing
I27.902|慢性肺源性心脏病|man xing fei yuan xing xin zang bing
I28.001|肺动静脉瘘|fei dong jing mai lou
I28.101|肺动脉动脉瘤|fei dong mai dong mai liu
I28.801|肺动脉扩张|fei dong mai kuo zhang
I28.802|肺静脉狭窄|fei jing mai xia zhai
I28.803|肺小动脉炎|fei xiao dong mai yan
I28.851|肺血管破裂|fei xue guan po lie
I28.852|肺血管狭窄|fei xue guan xia zhai
I28.951|肺血管病 NOS|fei xue guan bing
I30.051|急性非特异性心包炎|ji xing fei te yi xing xin bao yan
I30.052|特发性心包炎|te fa xing xin bao yan
I30.101|病毒性心包炎|bing du xing xin bao yan
I30.102|细菌性心包炎|xi jun xing xin bao yan
I30.103|病毒性心肌心包炎|bing du xing xin ji xin bao yan
I30.104|化脓性心包炎|hua nong xing xin bao yan
I30.105|感染性心包炎|gan ran xing xin bao yan
I30.106|急性感染心包积液|ji xing gan ran xin bao ji ye
I30.107|链球菌性心包炎|lian qiu jun xing xin bao yan
I30.108|葡萄球菌性心包炎|pu tao qiu jun xing xin bao yan
I30.151|心包积脓|xin bao ji nong
I30.851|其他类型的急性心包炎|qi ta lei xing de ji xing xin bao yan
I30.901|急性心包积液|ji xing xin bao ji ye
I30.902|急性心包炎|ji xing xin bao yan
I30.903|急性心肌心包炎|ji xing xin ji xin bao yan
I31.001|慢性粘连渗出性心包炎|man xing nian lian shen chu xing xin bao yan
I31.002|心包粘连|xin bao nian lian
I31.051|纤维性心包炎|xian wei xing xin bao yan
I31.052|粘连性心包炎|nian lian xing xin bao yan
I31.101|慢性化脓性缩窄性心包炎|man xing hua nong xing suo zhai xing xin bao yan
I31.102|缩窄性心包炎|suo zhai xing xin bao yan
I31.103|心包钙化|xin bao gai hua
I31.151|钙化性心包炎|gai hua xing xin bao yan
I31.201|心包积血|xin bao ji xue
I31.301|癌性心包积液|ai xing xin bao ji ye
I31.302|乳糜性心包积液|ru mi xing xin bao ji ye
I31.801|心包破裂|xin bao po lie
I31.851|心外膜斑|xin wai mo ban
I31.852|局部心包粘连|ju bu xin bao nian lian
I31.901|包裹性心包积液|bao guo xing xin bao ji ye
I31.902|非特异性心包炎|fei te yi xing xin bao yan
I31.903|慢性心包炎|man xing xin bao yan
I31.904|心包积气|xin bao ji qi
I31.905|心包积液|xin bao ji ye
I31.906|心包压塞(填塞)|xin bao ya sai tian se
I31.907|心包炎|xin bao yan
I31.908|纵隔心包炎|zong ge xin bao yan
I33.001|恶性心内膜炎|e xing xin nei mo yan
I33.002|二尖瓣赘生物|er jian ban zhui sheng wu
I33.003|肺动脉瓣赘生物|fei dong mai ban zhui sheng wu
I33.004|感染性心内膜炎|gan ran xing xin nei mo yan
I33.005|感染性心内膜炎性赘生物|gan ran xing xin nei mo yan xing zhui sheng wu
I33.006|革兰氏阳性杆菌性心内膜炎|ge lan shi yang xing gan jun xing xin nei mo yan
I33.007|急性细菌性心内膜炎|ji xing xi jun xing xin nei mo yan
I33.008|假单胞菌性心内膜炎|jia dan bao jun xing xin nei mo yan
I33.009|链球菌性心内膜炎|lian qiu jun xing xin nei mo yan
I33.010|霉菌性心内膜炎|mei jun xing xin nei mo yan
I33.011|葡萄球菌性心内膜炎|pu tao qiu jun xing xin nei mo yan
I33.012|三尖瓣赘生物|san jian ban zhui sheng wu
I33.013|细菌性心内膜炎|xi jun xing xin nei mo yan
I33.014|亚急性细菌性心内膜炎|ya ji xing xi jun xing xin nei mo yan
I33.015|真菌性心内膜炎|zhen jun xing xin nei mo yan
I33.016|主动脉瓣赘生物|zhu dong mai ban zhui sheng wu
I33.051|奥斯勒结节[指尖痛性小结]|ao si le jie jie zhi jian tong xing xiao jie
I33.052|溃疡性心内膜炎|kui yang xing xin nei mo yan
I33.053|脓毒性心内膜炎|nong du xing xin nei mo yan
I33.054|增殖性心内膜炎|zeng zhi xing xin nei mo yan
I33.901|急性心内膜炎|ji xing xin nei mo yan
I33.951|中毒性心内膜炎|zhong du xing xin nei mo yan
I34.001|二尖瓣闭锁不全|er jian ban bi suo bu quan
I34.002|非风湿性二尖瓣伴主动脉瓣闭锁不全|fei feng shi xing er jian ban ban zhu dong mai ban bi suo bu quan
I34.003|二尖瓣退行性变|er jian ban tui xing xing bian
I34.004|非风湿性二尖瓣漏伴主动脉瓣狭窄和漏|fei feng shi xing er jian ban lou ban zhu dong mai ban xia zhai he lou
I34.051|非风湿性二尖瓣返流|fei feng shi xing er jian ban fan liu
I34.101|二尖瓣后叶脱垂|er jian ban hou ye tuo chui
I34.102|二尖瓣脱垂|er jian ban tuo chui
I34.103|二尖瓣脱垂综合征|er jian ban tuo chui zong he zheng
I34.201|二尖瓣术后狭窄|er jian ban shu hou xia zhai
I34.202|老年钙化性二尖瓣狭窄|lao nian gai hua xing er jian ban xia zhai
I34.251|非风湿性二尖(瓣)狭窄|fei feng shi xing er jian ban xia zhai
I34.801|二尖瓣腱索断裂|er jian ban jian suo duan lie
I34.802|二尖瓣裂|er jian ban lie
I34.803|手术后二尖瓣狭窄闭锁不全|shou shu hou er jian ban xia zhai bi suo bu quan
I34.804|非风湿性二尖瓣狭窄伴闭锁不全|fei feng shi xing er jian ban xia zhai ban bi suo bu quan
I34.805|心内膜炎并二尖瓣穿孔|xin nei mo yan bing er jian ban chuan kong
I34.851|非风湿性二尖瓣钙化|fei feng shi xing er jian ban gai hua
I34.951|非风湿性二尖瓣退行性改变|fei feng shi xing er jian ban tui xing xing gai bian
I35.001|主动脉瓣狭窄|zhu dong mai ban xia zhai
I35.101|心内膜炎伴主动脉瓣闭锁不全|xin nei mo yan ban zhu dong mai ban bi suo bu quan
I35.102|主动脉瓣闭锁不全|zhu dong mai ban bi suo bu quan
I35.151|非风湿性主动脉瓣回流(返流)|fei feng shi xing zhu dong mai ban hui liu fan liu
I35.201|老年钙化性主动脉瓣狭窄关闭不全|lao nian gai hua xing zhu dong mai ban xia zhai guan bi bu quan
I35.202|主动脉瓣狭窄伴闭锁不全|zhu dong mai ban xia zhai ban bi suo bu quan
I35.801|退行性主动脉瓣疾患|tui xing xing zhu dong mai ban ji huan
I35.802|心内膜炎伴主动脉瓣穿孔|xin nei mo yan ban zhu dong mai ban chuan kong
I35.803|心内膜炎伴主动脉瓣脱垂|xin nei mo yan ban zhu dong mai ban tuo chui
I35.804|主动脉瓣肥厚|zhu dong mai ban fei hou
I35.805|主动脉瓣钙化|zhu dong mai ban gai hua
I35.806|主动脉瓣松软综合征|zhu dong mai ban song ruan zong he zheng
I35.807|主动脉瓣下垂|zhu dong mai ban xia chui
I35.808|主动脉瓣硬化|zhu dong mai ban ying hua
I35.809|主动脉瓣周脓肿|zhu dong mai ban zhou nong zhong
I35.951|非风湿性主动脉瓣退行性改变|fei feng shi xing zhu dong mai ban tui xing xing gai bian
I36.001|非风湿性三尖瓣狭窄|fei feng shi xing san jian ban xia zhai
I36.101|非风湿性三尖瓣闭锁不全|fei feng shi xing san jian ban bi suo bu quan
I36.102|非风湿性三尖瓣回流|fei feng shi xing san jian ban hui liu
I36.251|非风湿性三尖(瓣)狭窄、闭锁不全|fei feng shi xing san jian ban xia zhai bi suo bu quan
I36.801|非风湿性三尖瓣脱垂|fei feng shi xing san jian ban tuo chui
I36.802|三尖瓣脱垂|san jian ban tuo chui
I36.803|三尖瓣下移|san jian ban xia yi
I37.001|肺动脉瓣狭窄|fei dong mai ban xia zhai
I37.101|肺动脉瓣闭锁不全|fei dong mai ban bi suo bu quan
I37.151|非风湿性肺动脉瓣回流|fei feng shi xing fei dong mai ban hui liu
I37.251|肺动脉瓣狭窄伴闭锁不全|fei dong mai ban xia zhai ban bi suo bu quan
I37.851|肺动脉硬化性心内膜炎|fei dong mai ying hua xing xin nei mo yan
I38.X01|心脏瓣膜病|xin zang ban mo bing
I38.X02|老年性心脏瓣膜病|lao nian xing xin zang ban mo bing
I38.X03|心瓣膜穿孔|xin ban mo chuan kong
I38.X04|心瓣膜钙化|xin ban mo gai hua
I38.X05|心瓣膜破裂|xin ban mo po lie
I38.X06|心内膜炎|xin nei mo yan
I38.X51|心瓣膜疾患|xin ban mo ji huan
I38.X52|心瓣膜炎|xin ban mo yan
I38.X53|动脉硬化性心内膜炎|dong mai ying hua xing xin nei mo yan
I38.X54|非细菌性血栓性心内膜炎|fei xi jun xing xue shuan xing xin nei mo yan
I40.001|病毒性心肌炎|bing du xing xin ji yan
I40.002|感染性心肌炎|gan ran xing xin ji yan
I40.003|细菌性心肌炎|xi jun xing xin ji yan
I40.004|心肌脓肿|xin ji nong zhong
I40.151|孤立性心肌炎|gu li xing xin ji yan
I40.152|特发性心肌炎|te fa xing xin ji yan
I40.153|菲尔德病毒性心肌炎|fei er de bing du xing xin ji yan
I40.801|中毒性心肌炎|zhong du xing xin ji yan
I40.901|急性心肌炎|ji xing xin ji yan
I40.951|活动性心肌炎|huo dong xing xin ji yan
I42.001|家族性扩张性心肌病|jia zu xing kuo zhang xing xin ji bing
I42.002|充血性心肌病(扩张型心肌病)|chong xue xing xin ji bing kuo zhang xing xin ji bing
I42.101|肥厚性梗阻性心肌病|fei hou xing geng zu xing xin ji bing
I42.151|肥大性主动脉瓣下狭窄|fei da xing zhu dong mai ban xia xia zhai
I42.201|肥厚性非梗阻性心肌病|fei hou xing fei geng zu xing xin ji bing
I42.202|肥厚性心肌病|fei hou xing xin ji bing
I42.203|心尖肥厚型心肌病|xin jian fei hou xing xin ji bing
I42.251|特发性肥大性心肌病|te fa xing fei da xing xin ji bing
I42.301|心内膜心肌纤维化|xin nei mo xin ji xian wei hua
I42.351|勒夫勒心内膜炎|le fu le xin nei mo yan
I42.352|心内膜心肌病(嗜曙红性)|xin nei mo xin ji bing shi shu hong xing
I42.401|心内膜纤维弹性组织增生|xin nei mo xian wei tan xing zu zhi zeng sheng
I42.451|先天性心肌病|xian tian xing xin ji bing
I42.501|限制性心肌病|xian zhi xing xin ji bing
I42.601|酒精性中毒性心肌病|jiu jing xing zhong du xing xin ji bing
I42.751|药物性心肌病|yao wu xing xin ji bing
I42.801|心肌囊肿|xin ji nang zhong
I42.851|其他心肌病|qi ta xin ji bing
I42.901|充血性心肌病|chong xue xing xin ji bing
I42.902|继发性心肌病|ji fa xing xin ji bing
I42.903|特发性心肌病|te fa xing xin ji bing
I42.904|心动过速性心肌病|xin dong guo su xing xin ji bing
I42.905|心肌病|xin ji bing
I42.906|心肌炎后心肌病|xin ji yan hou xin ji bing
I42.907|右心心肌病|you xin xin ji bing
I42.951|家族性心肌病[家族性心肌肥大症]|jia zu xing xin ji bing jia zu xing xin ji fei da zheng
I42.952|缩窄性心肌病|suo zhai xing xin ji bing
I44.001|Ⅰ度房室传导阻滞|du fang shi chuan dao zu zhi
I44.101|Ⅱ度房室传导阻滞，Ⅰ型和Ⅱ型|du fang shi chuan dao zu zhi xing he xing
I44.151|Ⅱ度默比茨传导阻滞，Ⅰ型和Ⅱ型|du mo bi ci chuan dao zu zhi xing he xing
I44.152|文克巴赫传导阻滞|wen ke ba he chuan dao zu zhi
I44.201|Ⅲ度房室传导阻滞(完全房室阻滞)|du fang shi chuan dao zu zhi wan quan fang shi zu zhi
I44.301|部分房室传导阻滞|bu fen fang shi chuan dao zu zhi
I44.302|房室传导阻滞|fang shi chuan dao zu zhi
I44.304|隐匿性房室传导阻滞|yin ni xing fang shi chuan dao zu zhi
I44.351|希斯束硬化|xi si shu ying hua
I44.401|左前分枝传导阻滞|zuo qian fen zhi chuan dao zu zhi
I44.551|左后束传导阻滞|zuo hou shu chuan dao zu zhi
I44.601|完全性左束枝传导阻滞(ＣＬＢＢＢ)|wan quan xing zuo shu zhi chuan dao zu zhi
I44.602|左束支半传导阻滞|zuo shu zhi ban chuan dao zu zhi
I44.701|左束支传导阻滞(ＬＢＢＢ)|zuo shu zhi chuan dao zu zhi
I45.051|右束传导阻滞(ＲＢＢＢ)|you shu chuan dao zu zhi
I45.101|不完全性右束枝传导阻滞|bu wan quan xing you shu zhi chuan dao zu zhi
I45.102|完全性右束枝传导阻滞|wan quan xing you shu zhi chuan dao zu zhi
I45.103|右束支传导阻滞 NOS|you shu zhi chuan dao zu zhi
I45.251|二束传导阻滞|er shu chuan dao zu zhi
I45.301|三束支传导阻滞|san shu zhi chuan dao zu zhi
I45.401|室内传导阻滞|shi nei chuan dao zu zhi
I45.402|束支传导阻滞|shu zhi chuan dao zu zhi
I45.451|中隔支传导阻滞|zhong ge zhi chuan dao zu zhi
I45.452|非特异性室内传导阻滞|fei te yi xing shi nei chuan dao zu zhi
I45.501|窦房传导阻滞(ＳＡＢ)|dou fang chuan dao zu zhi
I45.502|窦房结功能低下|dou fang jie gong neng di xia
I45.503|窦性停搏|dou xing ting bo
I45.504|房内传导阻滞|fang nei chuan dao zu zhi
I45.505|中隔束传导阻滞|zhong ge shu chuan dao zu zhi
I45.551|树状分支性(心脏)传导阻滞|shu zhuang fen zhi xing xin zang chuan dao zu zhi
I45.601|劳恩－加农－莱文综合征|lao en jia nong lai wen zong he zheng
I45.602|预激综合征[沃－帕－怀氏综合征]|yu ji zong he zheng wo pa huai shi zong he zheng
I45.603|隐性预激综合征|yin xing yu ji zong he zheng
I45.651|沃尔夫-帕金森-怀特综合征|wo er fu pa jin sen huai te zong he zheng
I45.652|附属的房室传导|fu shu de fang shi chuan dao
I45.653|加速的房室传导|jia su de fang shi chuan dao
I45.654|预激的房室传导|yu ji de fang shi chuan dao
I45.801|房室节内双径|fang shi jie nei shuang jing
I45.802|干扰性房室分离|gan rao xing fang shi fen li
I45.901|斯托克斯－亚当斯氏综合征[心脏传导阻滞引起晕]|si tuo ke si ya dang si shi zong he zheng xin zang chuan dao zu zhi yin qi yun
I45.902|家族性传导系统障碍|jia zu xing chuan dao xi tong zhang ai
I45.903|心脏传导系统退行性变|xin zang chuan dao xi tong tui xing xing bian
I45.951|心脏传导阻滞|xin zang chuan dao zu zhi
I46.051|心脏停博复苏成功|xin zang ting bo fu su cheng gong
I46.101|心原性猝死|xin yuan xing cu si
I46.901|心脏骤停|xin zang zhou ting
I46.902|呼吸心跳骤停|hu xi xin tiao zhou ting
I47.051|室性异行心律|shi xing yi xing xin lv
I47.101|窦房折返性心动过速|dou fang zhe fan xing xin dong guo su
I47.102|窦性心动过速|dou xing xin dong guo su
I47.103|房内折返性心动过速|fang nei zhe fan xing xin dong guo su
I47.104|房室结折返性心动过速|fang shi jie zhe fan xing xin dong guo su
I47.105|房室折返性心动过速|fang shi zhe fan xing xin dong guo su
I47.106|房性心动过速|fang xing xin dong guo su
I47.107|结性心动过速(交界性心动过速)|jie xing xin dong guo su jiao jie xing xin dong guo su
I47.108|室上性心动过速|shi shang xing xin dong guo su
I47.109|阵发性房室性心动过速|zhen fa xing fang shi xing xin dong guo su
I47.110|阵发性房性心动过速|zhen fa xing fang xing xin dong guo su
I47.111|阵发性交界性心动过速|zhen fa xing jiao jie xing xin dong guo su
I47.112|阵发性室上性心动过速|zhen fa xing shi shang xing xin dong guo su
I47.113|自律性增高性房性心动过速|zi lv xing zeng gao xing fang xing xin dong guo su
I47.201|尖端扭转型室性心动过速|jian duan niu zhuan xing shi xing xin dong guo su
I47.202|室性心动过速|shi xing xin dong guo su
I47.203|右室室性心动过速|you shi shi xing xin dong guo su
I47.204|阵发性室性心动过速|zhen fa xing shi xing xin dong guo su
I47.205|左室室性心动过速|zuo shi shi xing xin dong guo su
I47.901|阵发性心动过速[霍夫曼－布佛雷氏综合征]|zhen fa xing xin dong guo su huo fu man bu fo lei shi zong he zheng
I48.X01|不纯性心房扑动|bu chun xing xin fang pu dong
I48.X02|特发性房颤|te fa xing fang chan
I48.X03|心房扑动|xin fang pu dong
I48.X04|心房纤维性颤动(心房纤颤)|xin fang xian wei xing chan dong xin fang xian chan
I48.X05|阵发性心房扑动|zhen fa xing xin fang pu dong
I48.X06|阵发性心房纤颤|zhen fa xing xin fang xian chan
I49.001|心室扑动|xin shi pu dong
I49.002|心室纤维性颤动(心室纤颤)|xin shi xian wei xing chan dong xin shi xian chan
I49.101|房性期外收缩[房性早搏]|fang xing qi wai shou suo fang xing zao bo
I49.102|频发性房性期外收缩|pin fa xing fang xing qi wai shou suo
I49.151|房性过早收缩|fang xing guo zao shou suo
I49.201|结性过早搏动[交界性过早搏动]|jie xing guo zao bo dong jiao jie xing guo zao bo dong
I49.301|频发性室性期外收缩|pin fa xing shi xing qi wai shou suo
I49.302|室性过早搏动|shi xing guo zao bo dong
I49.303|室性自搏|shi xing zi bo
I49.304|阵发性室性期外收缩|zhen fa xing shi xing qi wai shou suo
I49.401|期外收缩(过早搏动)|qi wai shou suo guo zao bo dong
I49.402|偶发房室性期外收缩|ou fa fang shi xing qi wai shou suo
I49.403|频发性期外收缩|pin fa xing qi wai shou suo
I49.451|多灶性过早搏动|duo zao xing guo zao bo dong
I49.452|移动性起博点(过早复极)|yi dong xing qi bo dian guo zao fu ji
I49.453|异位搏动|yi wei bo dong
I49.454|期外收缩性心律不齐|qi wai shou suo xing xin lv bu qi
I49.501|病窦综合征[慢－快综合征]|bing dou zong he zheng man kuai zong he zheng
I49.802|窦房结-房室结游走节律|dou fang jie fang shi jie you zou jie lv
I49.803|窦房结游走性心律|dou fang jie you zou xing xin lv
I49.804|窦性心律失常|dou xing xin lv shi chang
I49.805|反复心律(逆节律)|fan fu xin lv ni jie lv
I49.806|房性心律|fang xing xin lv
I49.807|结性心律|jie xing xin lv
I49.808|结性逸搏|jie xing yi bo
I49.809|特指多种心律失常|te zhi duo zhong xin lv shi chang
I49.810|紊乱性房性心率|wen luan xing fang xing xin lv
I49.901|β受体过敏综合征|shou ti guo min zong he zheng
I49.902|冠心病心律失常型|guan xin bing xin lv shi chang xing
I49.903|室性心律失常|shi xing xin lv shi chang
I49.904|心律失常[心律不齐；心律紊乱]|xin lv shi chang xin lv bu qi xin lv wen luan
I50.001|充血性心力衰竭|chong xue xing xin li shuai jie
I50.002|充血性心脏病|chong xue xing xin zang bing
I50.003|全心衰竭|quan xin shuai jie
I50.004|右心衰竭|you xin shuai jie
I50.051|心源性水肿|xin yuan xing shui zhong
I50.101|急性肺水肿伴心力衰竭|ji xing fei shui zhong ban xin li shuai jie
I50.102|急性左心衰竭|ji xing zuo xin shuai jie
I50.103|慢性左心功能不全|man xing zuo xin gong neng bu quan
I50.104|心源性哮喘|xin yuan xing xiao chuan
I50.105|左心房衰竭|zuo xin fang shuai jie
I50.106|左心衰竭|zuo xin shuai jie
I50.107|左心衰竭合并急性肺水肿|zuo xin shuai jie he bing ji xing fei shui zhong
I50.151|急性肺水肿提及心脏病(心力衰竭)|ji xing fei shui zhong ti ji xin zang bing xin li shuai jie
I50.901|低心排综合征|di xin pai zong he zheng
I50.902|心功能不全|xin gong neng bu quan
I50.903|急性心功能衰竭|ji xing xin gong neng shuai jie
I50.904|急性心力衰竭|ji xing xin li shuai jie
I50.905|慢性心力衰竭|man xing xin li shuai jie
I50.906|心房功能不全|xin fang gong neng bu quan
I50.907|心功能Ⅱ级|xin gong neng ji
I50.908|心功能Ⅲ级|xin gong neng ji
I50.909|心功能Ⅱ--Ⅲ级|xin gong neng ji
I50.910|心功能Ⅳ级|xin gong neng ji
I50.911|心力衰竭 NOS|xin li shuai jie
I50.912|心肾衰竭|xin shen shuai jie
I50.913|循环衰竭|xun huan shuai jie
I50.951|低输出量性心(力)衰竭|di shu chu liang xing xin li shuai jie
I50.952|心肌功能不全[心肌衰竭]|xin ji gong neng bu quan xin ji shuai jie
I50.953|顽固性心力衰竭|wan gu xing xin li shuai jie
I51.051|后天性心间隔缺损|hou tian xing xin jian ge que sun
I51.052|后天性(陈旧性)心房的间隔缺损|hou tian xing chen jiu xing xin fang de jian ge que sun
I51.053|后天性(陈旧性)心室的间隔缺损|hou tian xing chen jiu xing xin shi de jian ge que sun
I51.054|后天性(陈旧性)心耳的间隔缺损|hou tian xing chen jiu xing xin er de jian ge que sun
I51.101|心腱索断裂|xin jian suo duan lie
I51.201|心脏乳头肌破裂|xin zang ru tou ji po lie
I51.301|心房血拴|xin fang xue shuan
I51.302|心耳血栓|xin er xue shuan
I51.303|心室血栓|xin shi xue shuan
I51.351|心尖部血栓形成|xin jian bu xue shuan xing cheng
I51.402|老年性心脏病|lao nian xing xin zang bing
I51.403|心肌炎|xin ji yan
I51.404|心肌炎后遗症|xin ji yan hou yi zheng
I51.451|间质性心肌炎|jian zhi xing xin ji yan
I51.452|老年性心肌炎|lao nian xing xin ji yan
I51.501|心肌变性|xin ji bian xing
I51.502|心肌劳损|xin ji lao sun
I51.503|心肌损害|xin ji sun hai
I51.504|心肌脂肪变性|xin ji zhi fang bian xing
I51.551|老年性心肌变性|lao nian xing xin ji bian xing
I51.601|心血管变性|xin xue guan bian xing
I51.602|心血管意外|xin xue guan yi wai
I51.603|心血管硬化|xin xue guan ying hua
I51.701|室间隔肥大|shi jian ge fei da
I51.702|心房肥大|xin fang fei da
I51.703|心房扩大|xin fang kuo da
I51.704|心肌肥大|xin ji fei da
I51.705|心室肥大|xin shi fei da
I51.706|心室肥厚|xin shi fei hou
I51.707|心室扩大|xin shi kuo da
I51.708|心脏肥大|xin zang fei da
I51.709|心脏扩大|xin zang kuo da
I51.751|运动员心脏[无瓣膜疾患的心脏肥大]|yun dong yuan xin zang wu ban mo ji huan de xin zang fei da
I51.752|房室肥厚|fang shi fei hou
I51.801|全心炎|quan xin yan
I51.802|乳头肌功能不全|ru tou ji gong neng bu quan
I51.803|心房肿物|xin fang zhong wu
I51.851|扁桃心脏综合征|bian tao xin zang zong he zheng
I51.852|心脏运动过度(综合征)|xin zang yun dong guo du zong he zheng
I51.853|肾源性心脏病|shen yuan xing xin zang bing
I51.854|原因不明心脏病|yuan yin bu ming xin zang bing
I51.901|肝源性心脏病|gan yuan xing xin zang bing
I51.902|贫血性心脏病|pin xue xing xin zang bing
I51.903|心功能Ⅰ级|xin gong neng ji
I51.904|心脏病 NOS|xin zang bing
I60.001|颈内动脉瘤破裂入脑|jing nei dong mai liu po lie ru nao
I60.051|颈动脉弯管和杈的珠网膜下腔出血|jing dong mai wan guan he cha de zhu wang mo xia qiang chu xue
I60.151|大脑中动脉出血|da nao zhong dong mai chu xue
I60.152|大脑中动脉的蛛网膜下出血|da nao zhong dong mai de zhu wang mo xia chu xue
I60.251|前交通动脉的蛛网膜下出血|qian jiao tong dong mai de zhu wang mo xia chu xue
I60.301|后交通动脉瘤破裂|hou jiao tong dong mai liu po lie
I60.351|后交通动脉的蛛网膜下出血|hou jiao tong dong mai de zhu wang mo xia chu xue
I60.451|基底动脉的蛛网膜下出血|ji di dong mai de zhu wang mo xia chu xue
I60.551|椎动脉的蛛网膜下出血|zhui dong mai de zhu wang mo xia chu xue
I60.651|威利期环破裂[大脑动脉环]|wei li qi huan po lie da nao dong mai huan
I60.652|多个颅内动脉的蛛网膜下出血|duo ge lu nei dong mai de zhu wang mo xia chu xue
I60.751|未特指的颅内动脉的蛛网膜下出血|wei te zhi de lu nei dong mai de zhu wang mo xia chu xue
I60.752|交通动脉的蛛网膜下出血|jiao tong dong mai de zhu wang mo xia chu xue
I60.753|大脑动脉的蛛网膜下出血|da nao dong mai de zhu wang mo xia chu xue
I60.801|脑动脉瘤破裂|nao dong mai liu po lie
I60.802|脑膜出血|nao mo chu xue
I60.901|蛛网膜下腔出血|zhu wang mo xia qiang chu xue
I60.951|先天性脑动脉瘤破裂|xian tian xing nao dong mai liu po lie
I61.001|大脑后动脉出血|da nao hou dong mai chu xue
I61.002|大脑内皮质下出血|da nao nei pi zhi xia chu xue
I61.004|豆状核出血|dou zhuang he chu xue
I61.005|基底节出血|ji di jie chu xue
I61.006|内囊出血|nei nang chu xue
I61.007|外囊出血|wai nang chu xue
I61.051|皮质下大脑半球的脑内出血|pi zhi xia da nao ban qiu de nao nei chu xue
I61.101|大脑内皮质出血|da nao nei pi zhi chu xue
I61.151|脑内皮质出血|nao nei pi zhi chu xue
I61.152|皮质的大脑半球的脑内出血|pi zhi de da nao ban qiu de nao nei chu xue
I61.153|大脑脑叶出血|da nao nao ye chu xue
I61.154|浅表性脑内出血|qian biao xing nao nei chu xue
I61.251|未特指的大脑半球的脑内出血|wei te zhi de da nao ban qiu de nao nei chu xue
I61.301|脑干出血|nao gan chu xue
I61.302|脑桥出血|nao qiao chu xue
I61.303|丘脑出血|qiu nao chu xue
I61.304|丘脑下部出血|qiu nao xia bu chu xue
I61.401|小脑出血|xiao nao chu xue
I61.501|脑室出血|nao shi chu xue
I61.651|多处局部脑内出血|duo chu ju bu nao nei chu xue
I61.751|颅内小动脉瘤破裂(先天性)|lu nei xiao dong mai liu po lie xian tian xing
I61.901|非创伤性脑内血肿|fei chuang shang xing nao nei xue zhong
I61.902|脑出血|nao chu xue
I61.903|脑血管破裂|nao xue guan po lie
I61.904|脑血肿|nao xue zhong
I61.951|出血(外伤)性脑软化|chu xue wai shang xing nao ruan hua
I62.001|非创伤性硬脑膜下出血|fei chuang shang xing ying nao mo xia chu xue
I62.002|慢性硬膜下血肿|man xing ying mo xia xue zhong
I62.051|颅内硬膜下出血|lu nei ying mo xia chu xue
I62.052|亚急性硬膜下血肿|ya ji xing ying mo xia xue zhong
I62.101|非创伤性硬膜外血肿|fei chuang shang xing ying mo wai xue zhong
I62.102|非创伤性硬脑膜外出血|fei chuang shang xing ying nao mo wai chu xue
I62.901|非创伤性颅内出血|fei chuang shang xing lu nei chu xue
I62.951|颅内血肿(非创伤性)|lu nei xue zhong fei chuang shang xing
I63.051|脑桥被盖部综合征[雷－塞二氏综合征]|nao qiao bei gai bu zong he zheng lei sai er shi zong he zheng
I63.052|塞斯坦－舍奈麻痹|sai si tan she nai ma bi
I63.151|入脑前动脉栓塞引起的脑梗死|ru nao qian dong mai shuan se yin qi de nao geng si
I63.251|居布勒－米亚尔麻痹[交叉性偏瘫]|ju bu le mi ya er ma bi jiao cha xing pian tan
I63.252|入脑前动脉未特指的闭塞或狭窄引起的脑梗死|ru nao qian dong mai wei te zhi de bi se huo xia zhai yin qi de nao geng si
I63.301|血栓性偏瘫|xue shuan xing pian tan
I63.351|脑软化伴脑血栓|nao ruan hua ban nao xue shuan
I63.352|入脑前动脉血栓形成引起的脑梗死|ru nao qian dong mai xue shuan xing cheng yin qi de nao geng si
I63.401|脑栓塞性偏瘫|nao shuan se xing pian tan
I63.451|栓子性脑软化|shuan zi xing nao ruan hua
I63.452|大脑动脉栓塞引起的脑梗死|da nao dong mai shuan se yin qi de nao geng si
I63.551|脑软化，脑血管闭塞性|nao ruan hua nao xue guan bi se xing
I63.552|大脑动脉未特指的闭塞或狭窄引起的脑梗死|da nao dong mai wei te zhi de bi se huo xia zhai yin qi de nao geng si
I63.651|大脑静脉血栓形成引起的非生脓性脑梗死|da nao jing mai xue shuan xing cheng yin qi de fei sheng nong xing nao geng si
I63.801|脑干梗塞|nao gan geng se
I63.851|动脉硬化性脑软化|dong mai ying hua xing nao ruan hua
I63.852|脑血管病性脑软化|nao xue guan bing xing nao ruan hua
I63.901|多发性脑梗塞|duo fa xing nao geng se
I63.902|脑梗塞|nao geng se
I63.903|腔隙性脑梗塞|qiang xi xing nao geng se
I63.904|小脑梗塞|xiao nao geng se
I64.X01|急性偏瘫|ji xing pian tan
I64.X02|可逆性脑卒中|ke ni xing nao zu zhong
I64.X03|脑血管意外|nao xue guan yi wai
I64.X04|脑卒中[中风]|nao zu zhong zhong feng
I65.002|椎动脉血栓形成|zhui dong mai xue shuan xing cheng
I65.051|椎动脉闭塞和狭窄|zhui dong mai bi se he xia zhai
I65.101|基底动脉闭塞和狭窄|ji di dong mai bi se he xia zhai
I65.102|基底动脉血栓形成|ji di dong mai xue shuan xing cheng
I65.201|颈动脉动脉硬化|jing dong mai dong mai ying hua
I65.202|颈动脉狭窄|jing dong mai xia zhai
I65.203|颈内动脉闭塞和狭窄|jing nei dong mai bi se he xia zhai
I65.204|颈内动脉栓塞|jing nei dong mai shuan se
I65.205|颈内动脉狭窄|jing nei dong mai xia zhai
I65.206|颈内动脉血栓形成|jing nei dong mai xue shuan xing cheng
I65.207|颈外动脉闭塞|jing wai dong mai bi se
I65.352|双侧入脑前动脉的闭塞和狭窄|shuang ce ru nao qian dong mai de bi se he xia zhai
I65.354|多个入脑前动脉的闭塞和狭窄|duo ge ru nao qian dong mai de bi se he xia zhai
I65.852|其他入脑前动脉的闭塞和狭窄|qi ta ru nao qian dong mai de bi se he xia zhai
I65.951|入脑前动脉的狭窄 NOS|ru nao qian dong mai de xia zhai
I65.952|入脑前动脉的闭塞 NOS|ru nao qian dong mai de bi se
I66.001|大脑中动脉闭塞|da nao zhong dong mai bi se
I66.051|大脑中动脉综合征|da nao zhong dong mai zong he zheng
I66.151|大脑前动脉综合征|da nao qian dong mai zong he zheng
I66.251|大脑后动脉综合征|da nao hou dong mai zong he zheng
I66.301|小脑后下动脉血栓形成|xiao nao hou xia dong mai xue shuan xing cheng
I66.302|延髓背外侧综合征|yan sui bei wai ce zong he zheng
I66.303|瓦伦贝格氏综合征[延髓外侧部综合征]|wa lun bei ge shi zong he zheng yan sui wai ce bu zong he zheng
I66.351|小脑前下动脉血栓形成|xiao nao qian xia dong mai xue shuan xing cheng
I66.451|双侧大脑动脉狭窄|shuang ce da nao dong mai xia zhai
I66.452|双侧大脑动脉的闭塞|shuang ce da nao dong mai de bi se
I66.453|多个大脑动脉闭塞和狭窄|duo ge da nao dong mai bi se he xia zhai
I66.851|克洛德综合征|ke luo de zong he zheng
I66.852|惯穿性动脉闭塞和狭窄|guan chuan xing dong mai bi se he xia zhai
I66.901|大脑动脉闭塞|da nao dong mai bi se
I66.902|脑动脉栓塞|nao dong mai shuan se
I66.903|脑栓塞|nao shuan se
I66.904|脑血栓形成|nao xue shuan xing cheng
I66.951|闭塞性脑血管病|bi se xing nao xue guan bing
I66.952|大脑动脉狭窄|da nao dong mai xia zhai
I66.953|闭锁综合症(Locked－In)|bi suo zong he zheng
I67.051|非破裂性大脑动脉壁夹层形成|fei po lie xing da nao dong mai bi jia ceng xing cheng
I67.101|大脑动脉瘤|da nao dong mai liu
I67.102|后交通动脉瘤|hou jiao tong dong mai liu
I67.103|颈内动脉--海绵窦瘘|jing nei dong mai hai mian dou lou
I67.104|颅内动脉瘤|lu nei dong mai liu
I67.105|脑动静脉瘘|nao dong jing mai lou
I67.106|脑基底动脉瘤|nao ji di dong mai liu
I67.107|脑膜动静脉瘘|nao mo dong jing mai lou
I67.108|前交通动脉瘤|qian jiao tong dong mai liu
I67.109|小脑动脉瘤|xiao nao dong mai liu
I67.151|非破裂性大脑脑动脉瘤|fei po lie xing da nao nao dong mai liu
I67.152|非破裂性颅内脑动脉瘤|fei po lie xing lu nei nao dong mai liu
I67.153|非破裂性后交通支脑动脉瘤|fei po lie xing hou jiao tong zhi nao dong mai liu
I67.154|后天性大脑的动静脉瘘|hou tian xing da nao de dong jing mai lou
I67.201|动脉硬化性脑病|dong mai ying hua xing nao bing
I67.202|脑动脉硬化|nao dong mai ying hua
I67.203|皮层下动脉硬化性脑病|pi ceng xia dong mai ying hua xing nao bing
I67.251|脑(动脉)血管硬化|nao dong mai xue guan ying hua
I67.252|大脑动脉粥样硬化症|da nao dong mai zhou yang ying hua zheng
I67.253|肾动脉粥样硬化症|shen dong mai zhou yang ying hua zheng
I67.254|椎基底动脉硬化|zhui ji di dong mai ying hua
I67.301|宾斯万格氏病(早老性痴呆的一种)|bin si wan ge shi bing zao lao xing chi dai de yi zhong
I67.351|进行性白质脑病[宾斯旺格病]|jin xing xing bai zhi nao bing bin si wang ge bing
I67.401|高血压性脑病|gao xue ya xing nao bing
I67.501|脑底异常血管网病(云雾病)|nao di yi chang xue guan wang bing yun wu bing
I67.651|非化脓性大脑静脉血栓形成|fei hua nong xing da nao jing mai xue shuan xing cheng
I67.652|非化脓性颅内静脉窦血栓形成|fei hua nong xing lu nei jing mai dou xue shuan xing cheng
I67.701|脑动脉炎|nao dong mai yan
I67.801|急性脑血管病|ji xing nao xue guan bing
I67.802|脑动脉供血不足|nao dong mai gong xue bu zu
I67.803|脑坏死|nao huai si
I67.804|脑血管供血不足|nao xue guan gong xue bu zu
I67.805|缺血性脑血管病|que xue xing nao xue guan bing
I67.851|一过性脑缺血|yi guo xing nao que xue
I67.852|一过性脑缺氧|yi guo xing nao que yang
I67.853|脑桥内侧部综合征[福维耳氏综合征；外展－面神经交叉性偏瘫]|nao qiao nei ce bu zong he zheng fu wei er shi zong he zheng wai zhan mian shen jing jiao cha xing pian tan
I67.901|复发性脑血管病|fu fa xing nao xue guan bing
I67.902|海绵窦受压综合征|hai mian dou shou ya zong he zheng
I67.903|脑血管病|nao xue guan bing
I67.904|中脑腹部侧综合征[韦伯氏综合征；大脑脚综合征]|zhong nao fu bu ce zong he zheng wei bo shi zong he zheng da nao jiao zong he zheng
I67.951|海绵窦受压综合症|hai mian dou shou ya zong he zheng
I67.952|脑桥腹外侧综合征[米－古二氏综合征；交叉性偏瘫]|nao qiao fu wai ce zong he zheng mi gu er shi zong he zheng jiao cha xing pian tan
I67.953|小脑中风发作综合症|xiao nao zhong feng fa zuo zong he zheng
I67.954|单纯运动性腔隙综合征|dan chun yun dong xing qiang xi zong he zheng
I67.955|单纯性感觉性腔隙综合征|dan chun xing gan jue xing qiang xi zong he zheng
I67.956|其他腔隙综合征|qi ta qiang xi zong he zheng
I69.051|蛛网膜下出血后遗症|zhu wang mo xia chu xue hou yi zheng
I69.101|脑出血后遗症|nao chu xue hou yi zheng
I69.301|脑梗塞后遗症|nao geng se hou yi zheng
I69.451|出血或梗死中风后遗症 NOS|chu xue huo geng si zhong feng hou yi zheng
I69.452|脑卒中后遗症|nao zu zhong hou yi zheng
I69.801|脑血管病后遗症|nao xue guan bing hou yi zheng
I69.802|脑血管病恢复期|nao xue guan bing hui fu qi
I69.803|缺血缺氧性脑病后遗症|que xue que yang xing nao bing hou yi zheng
I69.851|脑血栓后遗症|nao xue shuan hou yi zheng
I70.002|主动脉钙化|zhu dong mai gai hua
I70.003|主动脉硬化|zhu dong mai ying hua
I70.051|钙化性升主动脉狭窄|gai hua xing sheng zhu dong mai xia zhai
I70.052|主动脉粥样硬化症|zhu dong mai zhou yang ying hua zheng
I70.053|升主动脉弓狭窄|sheng zhu dong mai gong xia zhai
I70.054|动脉硬化性升主动脉狭窄|dong mai ying hua xing sheng zhu dong mai xia zhai
I70.101|肾动脉狭窄|shen dong mai xia zhai
I70.151|戈德布拉特肾|ge de bu la te shen
I70.201|闭塞性髂动脉硬化|bi se xing qia dong mai ying hua
I70.202|肢体动脉硬化|zhi ti dong mai ying hua
I70.203|下肢动脉粥样硬化闭塞症|xia zhi dong mai zhou yang ying hua bi se zheng
I70.204|肢体闭塞性动脉硬化|zhi ti bi se xing dong mai ying hua
I70.251|蒙门克伯格氏硬化症|meng men ke bo ge shi ying hua zheng
I70.252|闭塞性肢体动脉硬化|bi se xing zhi ti dong mai ying hua
I70.801|视网膜动脉硬化|shi wang mo dong mai ying hua
I70.851|腹主动脉硬化|fu zhu dong mai ying hua
I70.852|闭塞性视网膜动脉炎|bi se xing shi wang mo dong mai yan
I70.853|高血压性视网膜动脉硬化|gao xue ya xing shi wang mo dong mai ying hua
I70.854|眼底动脉硬化|yan di dong mai ying hua
I70.901|闭塞性动脉炎|bi se xing dong mai yan
I70.902|闭塞性动脉硬化|bi se xing dong mai ying hua
I70.903|动脉硬化|dong mai ying hua
I70.904|动脉粥样硬化|dong mai zhou yang ying hua
I70.905|周身性动脉硬化|zhou shen xing dong mai ying hua
I70.951|老年性动脉炎|lao nian xing dong mai yan
I70.952|血栓性闭塞性(无脉病)动脉炎|xue shuan xing bi se xing wu mai bing dong mai yan
I71.001|主动脉夹层动脉瘤破裂|zhu dong mai jia ceng dong mai liu po lie
I71.002|主动脉夹层动脉瘤|zhu dong mai jia ceng dong mai liu
I71.101|胸主动脉动脉瘤破裂|xiong zhu dong mai dong mai liu po lie
I71.201|升主动脉动脉瘤|sheng zhu dong mai dong mai liu
I71.202|升主动脉扩张|sheng zhu dong mai kuo zhang
I71.203|胸主动脉动脉瘤[霍奇森病]|xiong zhu dong mai dong mai liu huo qi sen bing
I71.204|主动脉弓动脉瘤|zhu dong mai gong dong mai liu
I71.205|主动脉弓假性动脉瘤|zhu dong mai gong jia xing dong mai liu
I71.301|腹主动脉动脉瘤破裂|fu zhu dong mai dong mai liu po lie
I71.302|腹主动脉瘤破裂|fu zhu dong mai liu po lie
I71.401|腹腔动脉动脉瘤|fu qiang dong mai dong mai liu
I71.402|腹主动脉动脉瘤|fu zhu dong mai dong mai liu
I71.551|胸腹主动脉动脉瘤伴破裂|xiong fu zhu dong mai dong mai liu ban po lie
I71.651|胸腹主动脉动脉瘤|xiong fu zhu dong mai dong mai liu
I71.801|主动脉破裂|zhu dong mai po lie
I71.901|降主动脉动脉瘤|jiang zhu dong mai dong mai liu
I71.902|主动脉动脉瘤|zhu dong mai dong mai liu
I71.903|主动脉扩张|zhu dong mai kuo zhang
I71.951|主动脉的玻璃样坏死|zhu dong mai de bo li yang huai si
I72.001|创伤性颈动脉瘤|chuang shang xing jing dong mai liu
I72.002|颈动脉动脉瘤|jing dong mai dong mai liu
I72.003|颈动脉扩张|jing dong mai kuo zhang
I72.004|颈内动脉动脉瘤|jing nei dong mai dong mai liu
I72.005|颈内动脉瘤破裂|jing nei dong mai liu po lie
I72.006|颈外动脉夹层动脉瘤|jing wai dong mai jia ceng dong mai liu
I72.101|上肢动脉动脉瘤|shang zhi dong mai dong mai liu
I72.102|上肢假性动脉瘤|shang zhi jia xing dong mai liu
I72.151|外伤性上肢动脉瘤|wai shang xing shang zhi dong mai liu
I72.201|肾动脉动脉瘤|shen dong mai dong mai liu
I72.301|髂(总)动脉动脉瘤|qia zong dong mai dong mai liu
I72.302|髂动脉瘤|qia dong mai liu
I72.401|创伤性股动脉瘤|chuang shang xing gu dong mai liu
I72.402|创伤性股假性动脉瘤|chuang shang xing gu jia xing dong mai liu
I72.403|股动脉假性动脉瘤|gu dong mai jia xing dong mai liu
I72.404|下肢动脉动脉瘤|xia zhi dong mai dong mai liu
I72.405|下肢假性动脉瘤|xia zhi jia xing dong mai liu
I72.451|腘动脉动脉瘤|guo dong mai dong mai liu
I72.801|肝动脉动脉瘤|gan dong mai dong mai liu
I72.802|眶内动脉动脉瘤|kuang nei dong mai dong mai liu
I72.803|脾动脉动脉瘤|pi dong mai dong mai liu
I72.804|锁骨上假性动脉瘤|suo gu shang jia xing dong mai liu
I72.805|锁骨下动脉动脉瘤|suo gu xia dong mai dong mai liu
I72.806|无名动脉动脉瘤|wu ming dong mai dong mai liu
I72.807|椎动脉动脉瘤|zhui dong mai dong mai liu
I72.808|椎假性动脉瘤|zhui jia xing dong mai liu
I72.851|腹腔动脉瘤|fu qiang dong mai liu
I72.852|后交通动脉动脉瘤|hou jiao tong dong mai dong mai liu
I72.853|肠系膜动脉瘤|chang xi mo dong mai liu
I72.901|动脉瘤|dong mai liu
I72.951|头顶部动脉瘤|tou ding bu dong mai liu
I72.952|动脉扩张|dong mai kuo zhang
I73.001|雷诺氏综合征|lei nuo shi zong he zheng
I73.051|阵发性指(趾)发绀|zhen fa xing zhi zhi fa gan
I73.101|闭塞性血栓性脉管炎(血栓闭塞性脉管炎)[伯格氏病]|bi se xing xue shuan xing mai guan yan xue shuan bi se xing mai guan yan bo ge shi bing
I73.801|股绀红皮病|gu gan hong pi bing
I73.802|上肢缺血|shang zhi que xue
I73.803|四肢供血不足|si zhi gong xue bu zu
I73.804|下肢缺血|xia zhi que xue
I73.805|肢端红痛症[红斑性肢痛病]|zhi duan hong tong zheng hong ban xing zhi tong bing
I73.806|肢端血管功能失调|zhi duan xue guan gong neng shi tiao
I73.851|手足发绀|shou zu fa gan
I73.852|暂时性血管舒缩病|zan shi xing xue guan shu suo bing
I73.853|小腿绀红皮病|xiao tui gan hong pi bing
I73.901|动脉痉挛|dong mai jing luan
I73.902|间歇性跛行|jian xie xing bo xing
I73.903|血管痉挛|xue guan jing luan
I73.904|周围血管病|zhou wei xue guan bing
I74.001|腹主动脉闭塞|fu zhu dong mai bi se
I74.002|腹主动脉血栓形成|fu zhu dong mai xue shuan xing cheng
I74.003|勒里什氏综合征[主动脉自发性血栓形成综合征]|le li shen shi zong he zheng zhu dong mai zi fa xing xue shuan xing cheng zong he zheng
I74.051|主动脉分叉综合征|zhu dong mai fen cha zong he zheng
I74.101|主动脉栓塞|zhu dong mai shuan se
I74.102|主动脉血栓形成|zhu dong mai xue shuan xing cheng
I74.201|上肢动脉梗阻|shang zhi dong mai geng zu
I74.202|上肢动脉栓塞|shang zhi dong mai shuan se
I74.301|创伤性股动静脉血栓形成|chuang shang xing gu dong jing mai xue shuan xing cheng
I74.302|创伤性胫后动脉血栓形成|chuang shang xing jing hou dong mai xue shuan xing cheng
I74.303|股动脉闭塞|gu dong mai bi se
I74.304|股动脉梗阻|gu dong mai geng zu
I74.305|下肢动脉栓塞|xia zhi dong mai shuan se
I74.306|下肢动脉血栓形成|xia zhi dong mai xue shuan xing cheng
I74.401|四肢动脉栓塞|si zhi dong mai shuan se
I74.402|周围动脉栓塞|zhou wei dong mai shuan se
I74.501|创伤性髂总动脉血栓形成|chuang shang xing qia zong dong mai xue shuan xing cheng
I74.502|髂动脉闭塞|qia dong mai bi se
I74.503|髂总动脉血栓形成|qia zong dong mai xue shuan xing cheng
I74.504|髂总动脉栓塞|qia zong dong mai shuan se
I74.801|腹腔动脉闭塞|fu qiang dong mai bi se
I74.802|腹腔动脉血栓形成|fu qiang dong mai xue shuan xing cheng
I74.803|肝动脉血栓形成|gan dong mai xue shuan xing cheng
I74.804|脾栓塞|pi shuan se
I74.805|其他特指部位的动脉栓塞|qi ta te zhi bu wei de dong mai shuan se
I74.806|锁骨下动脉闭塞|suo gu xia dong mai bi se
I74.807|锁骨下动脉血栓形成|suo gu xia dong mai xue shuan xing cheng
I74.851|内听动脉闭塞|nei ting dong mai bi se
I74.901|动脉栓塞|dong mai shuan se
I74.902|多发性动脉栓塞|duo fa xing dong mai shuan se
I74.951|血栓形成 NOS|xue shuan xing cheng
I77.001|多发性动静脉瘘|duo fa xing dong jing mai lou
I77.002|股动静脉瘘|gu dong jing mai lou
I77.003|后天性动静脉瘘|hou tian xing dong jing mai lou
I77.004|眶动静脉瘘|kuang dong jing mai lou
I77.005|盆腔动静脉瘘|pen qiang dong jing mai lou
I77.006|锁骨下动静脉瘘|suo gu xia dong jing mai lou
I77.007|下肢动静脉瘘|xia zhi dong jing mai lou
I77.008|子宫旁动静脉瘘|zi gong pang dong jing mai lou
I77.101|动脉狭窄|dong mai xia zhai
I77.102|腹主动脉狭窄|fu zhu dong mai xia zhai
I77.103|肱动脉扭曲|gong dong mai niu qu
I77.104|髂动脉狭窄|qia dong mai xia zhai
I77.105|髂动脉纡曲|qia dong mai yu qu
I77.106|上肢动脉狭窄|shang zhi dong mai xia zhai
I77.107|锁骨下动脉狭窄|suo gu xia dong mai xia zhai
I77.108|无名动脉迂曲|wu ming dong mai yu qu
I77.109|下肢动脉狭窄|xia zhi dong mai xia zhai
I77.201|动脉瘘|dong mai lou
I77.202|腹主动脉-空肠瘘|fu zhu dong mai kong chang lou
I77.251|动脉溃疡|dong mai kui yang
I77.252|动脉糜烂|dong mai mi lan
I77.253|动脉破裂|dong mai po lie
I77.254|化脓性动脉炎|hua nong xing dong mai yan
I77.351|动脉纤维肌肉增生|dong mai xian wei ji rou zeng sheng
I77.401|腹腔动脉受压综合征|fu qiang dong mai shou ya zong he zheng
I77.451|慢性肠道缺血综合征|man xing chang dao que xue zong he zheng
I77.452|颈动脉痛[颈动脉炎]|jing dong mai tong jing dong mai yan
I77.501|动脉坏死|dong mai huai si
I77.502|坏死性血管炎|huai si xing xue guan yan
I77.601|大动脉炎|da dong mai yan
I77.602|动脉内膜炎|dong mai nei mo yan
I77.603|动脉炎|dong mai yan
I77.604|多发性大动脉炎|duo fa xing da dong mai yan
I77.605|血管炎(脉管炎)|xue guan yan mai guan yan
I77.606|上肢动脉炎|shang zhi dong mai yan
I77.607|系统性血管炎|xi tong xing xue guan yan
I77.608|下肢动脉炎|xia zhi dong mai yan
I77.609|下肢脉管炎|xia zhi mai guan yan
I77.610|主动脉炎|zhu dong mai yan
I77.801|后天性腹主动脉畸形|hou tian xing fu zhu dong mai ji xing
I77.802|主动脉根部病变|zhu dong mai gen bu bing bian
I77.803|主动脉脓肿|zhu dong mai nong zhong
I77.851|肾血管炎|shen xue guan yan
I77.852|恶性丘疹病[德戈病]|e xing qiu zhen bing de ge bing
I77.853|肾动脉增生|shen dong mai zeng sheng
I77.951|动脉疾患 NOS|dong mai ji huan
I78.001|遗传性出血性毛细管扩张[朗迪－奥斯勒－韦伯病]|yi chuan xing chu xue xing mao xi guan kuo zhang lang di ao si le wei bo bing
I78.151|星状痣|xing zhuang zhi
I78.152|蜘蛛状痣|zhi zhu zhuang zhi
I78.153|老年性痣|lao nian xing zhi
I78.154|老年性血管瘤|lao nian xing xue guan liu
I78.155|星状的血管瘤|xing zhuang de xue guan liu
I78.156|蜘蛛痣血管瘤|zhi zhu zhi xue guan liu
I78.801|毛细血管扩张症|mao xi xue guan kuo zhang zheng
I78.802|胃肠道毛细血管扩张症|wei chang dao mao xi xue guan kuo zhang zheng
I78.951|毛细血管疾病 NOS|mao xi xue guan ji bing
I80.001|下肢表浅静脉炎|xia zhi biao qian jing mai yan
I80.051|下肢化脓性浅血栓静脉炎|xia zhi hua nong xing qian xue shuan jing mai yan
I80.101|股静脉血栓形成|gu jing mai xue shuan xing cheng
I80.102|髂股静脉血栓形成|qia gu jing mai xue shuan xing cheng
I80.201|髂静脉血栓形成|qia jing mai xue shuan xing cheng
I80.202|下肢慢性深静脉炎|xia zhi man xing shen jing mai yan
I80.203|下肢深静脉炎|xia zhi shen jing mai yan
I80.204|下肢深部血栓性静脉炎|xia zhi shen bu xue shuan xing jing mai yan
I80.205|下肢深静脉血栓形成|xia zhi shen jing mai xue shuan xing cheng
I80.206|下肢深静脉栓塞|xia zhi shen jing mai shuan se
I80.251|下肢化脓性深血管静脉炎|xia zhi hua nong xing shen xue guan jing mai yan
I80.301|下肢静脉血栓形成|xia zhi jing mai xue shuan xing cheng
I80.302|下肢静脉炎|xia zhi jing mai yan
I80.303|下肢血栓性静脉炎|xia zhi xue shuan xing jing mai yan
I80.351|下肢化脓性血管静脉炎|xia zhi hua nong xing xue guan jing mai yan
I80.801|眶内血栓性静脉炎|kuang nei xue shuan xing jing mai yan
I80.802|蒙道尔氏病[胸壁血栓性静脉炎]|meng dao er shi bing xiong bi xue shuan xing jing mai yan
I80.803|乳腺血栓性静脉炎|ru xian xue shuan xing jing mai yan
I80.804|上肢静脉炎|shang zhi jing mai yan
I80.805|上肢血栓性静脉炎|shang zhi xue shuan xing jing mai yan
I80.851|肾盂静脉炎|shen yu jing mai yan
I80.852|肝静脉炎|gan jing mai yan
I80.853|胸部皮下大静脉炎|xiong bu pi xia da jing mai yan
I80.901|静脉炎|jing mai yan
I80.902|血栓性静脉炎|xue shuan xing jing mai yan
I80.951|溃疡性静脉炎|kui yang xing jing mai yan
I80.952|静脉周围炎|jing mai zhou wei yan
I81.X01|门静脉梗阻|men jing mai geng zu
I81.X02|门静脉血栓形成|men jing mai xue shuan xing cheng
I82.001|闭塞性肝静脉内膜炎[巴德－基亚里二氏综合征]|bi se xing gan jing mai nei mo yan ba de ji ya li er shi zong he zheng
I82.002|肝小静脉闭塞|gan xiao jing mai bi se
I82.101|游走性血栓性静脉炎|you zou xing xue shuan xing jing mai yan
I82.201|腔静脉栓塞|qiang jing mai shuan se
I82.202|下腔静脉栓塞|xia qiang jing mai shuan se
I82.301|肾静脉栓塞|shen jing mai shuan se
I82.801|颈静脉血栓形成|jing jing mai xue shuan xing cheng
I82.802|脾静脉栓塞|pi jing mai shuan se
I82.803|髂静脉栓塞|qia jing mai shuan se
I82.804|髂内静脉栓塞|qia nei jing mai shuan se
I82.805|髂外静脉栓塞|qia wai jing mai shuan se
I82.806|上肢静脉血栓形成|shang zhi jing mai xue shuan xing cheng
I82.807|上肢深静脉血栓形成|shang zhi shen jing mai xue shuan xing cheng
I82.808|锁骨下静脉血栓形成|suo gu xia jing mai xue shuan xing cheng
I82.809|腋静脉栓塞|ye jing mai shuan se
I82.902|静脉血栓形成|jing mai xue shuan xing cheng
I83.001|大隐静脉曲张伴溃疡|da yin jing mai qu zhang ban kui yang
I83.002|下肢静脉曲张伴溃疡|xia zhi jing mai qu zhang ban kui yang
I83.101|静脉曲张性皮炎|jing mai qu zhang xing pi yan
I83.102|曲张静脉炎|qu zhang jing mai yan
I83.103|下肢静脉曲张合并静脉炎|xia zhi jing mai qu zhang he bing jing mai yan
I83.104|淤积性皮炎|yu ji xing pi yan
I83.201|静脉曲张性溃疡|jing mai qu zhang xing kui yang
I83.202|下肢静脉曲张伴溃疡及炎症|xia zhi jing mai qu zhang ban kui yang ji yan zheng
I83.901|大隐静脉曲张|da yin jing mai qu zhang
I83.902|静脉曲张破裂|jing mai qu zhang po lie
I83.903|静脉曲张|jing mai qu zhang
I83.904|静脉曲张综合征|jing mai qu zhang zong he zheng
I83.905|下肢静脉瘤|xia zhi jing mai liu
I83.906|小隐静脉曲张|xiao yin jing mai qu zhang
I83.951|下肢静脉曲张|xia zhi jing mai qu zhang
I84.001|血栓性内痔|xue shuan xing nei zhi
I84.101|出血性内痔|chu xue xing nei zhi
I84.102|混合痔伴有并发症|hun he zhi ban you bing fa zheng
I84.151|绞窄性内痔|jiao zhai xing nei zhi
I84.152|溃疡性内痔|kui yang xing nei zhi
I84.153|脱垂性内痔|tuo chui xing nei zhi
I84.154|内痔伴并发症|nei zhi ban bing fa zheng
I84.201|直肠静脉曲张破裂|zhi chang jing mai qu zhang po lie
I84.202|内痔|nei zhi
I84.301|血栓性外痔|xue shuan xing wai zhi
I84.401|出血性外痔|chu xue xing wai zhi
I84.451|绞窄性外痔|jiao zhai xing wai zhi
I84.452|溃疡性外痔|kui yang xing wai zhi
I84.453|脱垂性外痔|tuo chui xing wai zhi
I84.501|外痔|wai zhi
I84.601|直肠赘|zhi chang zhui
I84.651|肛门皮赘|gang men pi zhui
I84.751|血栓性痔|xue shuan xing zhi
I84.851|出血性痔|chu xue xing zhi
I84.852|绞窄性痔|jiao zhai xing zhi
I84.853|溃疡性痔|kui yang xing zhi
I84.854|脱垂性痔|tuo chui xing zhi
I84.901|痔 NOS|zhi
I85.001|食管静脉曲张破裂出血|shi guan jing mai qu zhang po lie chu xue
I85.901|食管静脉曲张|shi guan jing mai qu zhang
I86.051|舌下静脉曲张|she xia jing mai qu zhang
I86.101|精索静脉曲张|jing suo jing mai qu zhang
I86.102|阴囊静脉曲张|yin nang jing mai qu zhang
I86.201|膀胱静脉曲张|pang guang jing mai qu zhang
I86.202|盆腔静脉曲张|pen qiang jing mai qu zhang
I86.251|卵巢静脉缩综合征|luan chao jing mai suo zong he zheng
I86.252|骨盆静脉曲张|gu pen jing mai qu zhang
I86.301|外阴静脉曲张|wai yin jing mai qu zhang
I86.401|胃底静脉曲张|wei di jing mai qu zhang
I86.402|胃血管扩张|wei xue guan kuo zhang
I86.801|肝静脉静脉瘤|gan jing mai jing mai liu
I86.802|颈静脉扩张|jing jing mai kuo zhang
I86.803|颈内静脉扩张|jing nei jing mai kuo zhang
I86.804|颈外静脉静脉瘤|jing wai jing mai jing mai liu
I86.805|颈外静脉扩张|jing wai jing mai kuo zhang
I86.806|颈总静脉瘤|jing zong jing mai liu
I86.807|眶静脉曲张|kuang jing mai qu zhang
I86.808|颞静脉静脉瘤|nie jing mai jing mai liu
I86.851|腹壁静脉曲张|fu bi jing mai qu zhang
I86.852|门静脉血栓形成、食道、胃静脉曲张破裂|men jing mai xue shuan xing cheng shi dao wei jing mai qu zhang po lie
I86.853|上肢静脉曲张|shang zhi jing mai qu zhang
I86.854|鼻中隔静脉曲张溃疡|bi zhong ge jing mai qu zhang kui yang
I87.001|静脉炎后综合征|jing mai yan hou zong he zheng
I87.101|肝静脉-下腔静脉阻塞|gan jing mai xia qiang jing mai zu se
I87.102|髂总静脉狭窄|qia zong jing mai xia zhai
I87.103|腔静脉阻塞综合征|qiang jing mai zu se zong he zheng
I87.104|上腔静脉梗阻|shang qiang jing mai geng zu
I87.105|上腔静脉阻塞综合征|shang qiang jing mai zu se zong he zheng
I87.106|上下腔静脉回流障碍综合征|shang xia qiang jing mai hui liu zhang ai zong he zheng
I87.107|上肢静脉阻塞|shang zhi jing mai zu se
I87.108|锁骨下静脉压迫综合症|suo gu xia jing mai ya po zong he zheng
I87.109|无名静脉阻塞|wu ming jing mai zu se
I87.110|下腔静脉梗阻|xia qiang jing mai geng zu
I87.111|下腔静脉狭窄|xia qiang jing mai xia zhai
I87.112|下腔静脉阻塞综合征|xia qiang jing mai zu se zong he zheng
I87.113|下腔静脉阻塞|xia qiang jing mai zu se
I87.114|下肢静脉梗阻|xia zhi jing mai geng zu
I87.151|静脉狭窄|jing mai xia zhai
I87.152|海绵窦压迫综合征|hai mian dou ya po zong he zheng
I87.201|下肢静脉功能不全|xia zhi jing mai gong neng bu quan
I87.251|上肢静脉瓣功能不全|shang zhi jing mai ban gong neng bu quan
I87.801|假静脉瘤|jia jing mai liu
I87.802|静脉石|jing mai shi
I87.803|静脉硬化|jing mai ying hua
I87.804|下肢静脉回流障碍|xia zhi jing mai hui liu zhang ai
I87.851|静脉破裂|jing mai po lie
I87.852|阴茎静脉纤维化|yin jing jing mai xian wei hua
I87.951|上肢静脉回流障碍|shang zhi jing mai hui liu zhang ai
I88.001|肠系膜淋巴结炎|chang xi mo lin ba jie yan
I88.101|颌下慢性淋巴结炎|he xia man xing lin ba jie yan
I88.102|颏下慢性淋巴结炎|ke xia man xing lin ba jie yan
I88.103|慢性腹股沟淋巴结炎|man xing fu gu gou lin ba jie yan
I88.104|慢性颈淋巴结炎|man xing jing lin ba jie yan
I88.105|慢性淋巴结炎|man xing lin ba jie yan
I88.106|慢性腮腺淋巴结炎|man xing sai xian lin ba jie yan
I88.151|亚急性颈淋巴结炎|ya ji xing jing lin ba jie yan
I88.851|支气管淋巴结炎|zhi qi guan lin ba jie yan
I88.901|反应性淋巴结炎|fan ying xing lin ba jie yan
I88.902|肺门淋巴结炎|fei men lin ba jie yan
I88.903|腹股沟淋巴结炎|fu gu gou lin ba jie yan
I88.904|颌下淋巴结炎|he xia lin ba jie yan
I88.905|颈淋巴结炎|jing lin ba jie yan
I88.906|淋巴结炎|lin ba jie yan
I88.907|腮腺肉芽肿性淋巴结炎|sai xian rou ya zhong xing lin ba jie yan
I88.908|纵隔淋巴结炎|zong ge lin ba jie yan
I89.001|肠淋巴管扩张|chang lin ba guan kuo zhang
I89.002|非丝虫性象皮病|fei si chong xing xiang pi bing
I89.003|淋巴管闭塞|lin ba guan bi se
I89.004|淋巴水肿|lin ba shui zhong
I89.005|象皮病|xiang pi bing
I89.006|胸导管梗阻|xiong dao guan geng zu
I89.101|淋巴管炎|lin ba guan yan
I89.801|肠系膜乳糜囊肿|chang xi mo ru mi nang zhong
I89.802|非丝虫性乳糜胸|fei si chong xing ru mi xiong
I89.803|淋巴管瘘|lin ba guan lou
I89.804|淋巴回流障碍|lin ba hui liu zhang ai
I89.805|淋巴结钙化|lin ba jie gai hua
I89.806|乳糜性腹水|ru mi xing fu shui
I89.807|乳糜性胸水|ru mi xing xiong shui
I89.808|乳糜胸|ru mi xiong
I89.809|胸导管断裂|xiong dao guan duan lie
I89.851|非丝虫性乳糜腹水|fei si chong xing ru mi fu shui
I89.852|睾丸鞘膜(非丝虫性)乳糜囊肿|gao wan qiao mo fei si chong xing ru mi nang zhong
I89.853|支气管淋巴结硬化|zhi qi guan lin ba jie ying hua
I89.951|淋巴系统疾病|lin ba xi tong ji bing
I95.051|特发性低血压|te fa xing di xue ya
I95.101|体位性低血压|ti wei xing di xue ya
I95.151|原发性直立性低血压|yuan fa xing zhi li xing di xue ya
I95.251|药物性低血压|yao wu xing di xue ya
I95.851|慢性低血压|man xing di xue ya
I95.901|低血压 NOS|di xue ya
I95.902|血压下降|xue ya xia jiang
I97.001|心包切开术后综合征|xin bao qie kai shu hou zong he zheng
I97.002|心脏术后低心排综合征|xin zang shu hou di xin pai zong he zheng
I97.003|心脏术后综合征|xin zang shu hou zong he zheng
I97.051|瓣膜切开术后综合征|ban mo qie kai shu hou zong he zheng
I97.101|瓣膜置换术后心脏瓣膜衰竭|ban mo zhi huan shu hou xin zang ban mo shuai jie
I97.102|机械瓣置换术后瓣周漏|ji xie ban zhi huan shu hou ban zhou lou
I97.103|生物瓣膜失功能|sheng wu ban mo shi gong neng
I97.104|手术后心力衰竭伴肺水肿|shou shu hou xin li shuai jie ban fei shui zhong
I97.105|心脏手术后功能障碍|xin zang shou shu hou gong neng zhang ai
I97.106|心脏手术后心力衰竭|xin zang shou shu hou xin li shuai jie
I97.151|起博器综合征|qi bo qi zong he zheng
I97.251|乳房切除术后淋巴水肿综合征|ru fang qie chu shu hou lin ba shui zhong zong he zheng
I97.801|动脉导管结扎术后复通|dong mai dao guan jie za shu hou fu tong
I97.802|经皮导管治疗动脉导管未闭术后残余分流|jing pi dao guan zhi liao dong mai dao guan wei bi shu hou can yu fen liu
I97.803|脑血管造影后脑血管痉挛|nao xue guan zao ying hou nao xue guan jing luan
I97.804|上肢动脉穿刺后痉挛|shang zhi dong mai chuan ci hou jing luan
I97.805|室缺残余漏|shi que can yu lou
I97.806|手术后腹主动脉阻塞|shou shu hou fu zhu dong mai zu se
I97.807|手术后淋巴水肿|shou shu hou lin ba shui zhong
I97.851|其他操作后循环系统疾患，NEC|qi ta cao zuo hou xun huan xi tong ji huan
I97.901|冠状动脉搭桥术后|guan zhuang dong mai da qiao shu hou
I97.902|经皮动脉导管矫治术后并发症|jing pi dong mai dao guan jiao zhi shu hou bing fa zheng
I97.903|经皮房缺.室缺矫治术后并发症|jing pi fang que shi que jiao zhi shu hou bing fa zheng
I97.904|经皮冠状动脉狭窄矫治术后并发症|jing pi guan zhuang dong mai xia zhai jiao zhi shu hou bing fa zheng
I97.905|经皮球囊扩瓣术后并发症|jing pi qiu nang kuo ban shu hou bing fa zheng
I97.906|经皮射频消融术后并发症|jing pi she pin xiao rong shu hou bing fa zheng
I97.907|射频消融术后|she pin xiao rong shu hou
I97.908|心导管检查术后|xin dao guan jian cha shu hou
I97.909|心导管造影术后并发症|xin dao guan zao ying shu hou bing fa zheng
I97.910|心导管治疗术后|xin dao guan zhi liao shu hou
I97.911|心脏瓣膜置换术后|xin zang ban mo zhi huan shu hou
I97.912|心脏术后|xin zang shu hou
I97.951|操作后循环系统疾患 NOS|cao zuo hou xun huan xi tong ji huan
I99.X01|急性循环充血|ji xing xun huan chong xue
I99.X02|心室残留异物|xin shi can liu yi wu
I99.X03|周围血管并发症|zhou wei xue guan bing fa zheng
I99.X51|上肢微循环障碍|shang zhi wei xun huan zhang ai
I99.X52|上肢血管畸形|shang zhi xue guan ji xing
I99.X53|后天性肠血管畸形|hou tian xing chang xue guan ji xing
I99.X54|动脉性充血|dong mai xing chong xue
I99.X55|空回肠交界处血管扩张|kong hui chang jiao jie chu xue guan kuo zhang
I99.X56|血管扩张|xue guan kuo zhang
I99.X57|直肠毛细血管扩张症|zhi chang mao xi xue guan kuo zhang zheng
J00.X01|鼻咽炎|bi yan yan
J00.X02|病毒性感冒|bing du xing gan mao
J00.X03|感冒|gan mao
J00.X04|胃肠型感冒|wei chang xing gan mao
J00.X05|急性鼻炎|ji xing bi yan
J00.X51|脓毒性鼻咽炎|nong du xing bi yan yan
J00.X52|新生儿急性鼻炎|xin sheng er ji xing bi yan
J01.001|化脓性上颌窦炎|hua nong xing shang he dou yan
J01.002|急性上颌窦炎|ji xing shang he dou yan
J01.101|急性额窦炎|ji xing e dou yan
J01.201|急性筛窦炎|ji xing shai dou yan
J01.301|急性蝶窦炎|ji xing die dou yan
J01.401|急性全鼻窦炎|ji xing quan bi dou yan
J01.851|其他急性鼻窦炎|qi ta ji xing bi dou yan
J01.901|急性鼻窦炎|ji xing bi dou yan
J01.902|急性化脓性鼻窦炎|ji xing hua nong xing bi dou yan
J01.951|急性鼻窦脓肿|ji xing bi dou nong zhong
J02.001|链球菌性咽峡炎|lian qiu jun xing yan xia yan
J02.051|链球菌性咽喉痛|lian qiu jun xing yan hou tong
J02.851|病毒性咽炎|bing du xing yan yan
J02.901|化脓性咽炎|hua nong xing yan yan
J02.902|急性化脓性咽峡炎|ji xing hua nong xing yan xia yan
J02.904|急性咽炎|ji xing yan yan
J02.905|溃疡性咽炎|kui yang xing yan yan
J02.906|咽喉痛|yan hou tong
J02.907|咽囊炎|yan nang yan
J02.908|咽峡炎|yan xia yan
J02.909|咽炎|yan yan
J02.951|病毒性咽喉痛|bing du xing yan hou tong
J03.051|链球菌性扁桃体炎|lian qiu jun xing bian tao ti yan
J03.851|其他特指病原体引起的急性扁桃体炎|qi ta te zhi bing yuan ti yin qi de ji xing bian tao ti yan
J03.901|扁桃残体炎|bian tao can ti yan
J03.902|扁桃腺炎|bian tao xian yan
J03.903|急性扁桃体炎|ji xing bian tao ti yan
J03.904|急性化脓性扁桃腺炎|ji xing hua nong xing bian tao xian yan
J03.905|急性腺样体炎|ji xing xian yang ti yan
J03.906|慢性扁桃体炎急性发作|man xing bian tao ti yan ji xing fa zuo
J03.951|渗出性扁桃体炎|shen chu xing bian tao ti yan
J03.952|急性增殖腺(体)炎|ji xing zeng zhi xian ti yan
J04.001|感染性喉炎|gan ran xing hou yan
J04.002|喉炎|hou yan
J04.003|化脓性喉炎|hua nong xing hou yan
J04.004|急性喉炎|ji xing hou yan
J04.005|链球菌性喉炎|lian qiu jun xing hou yan
J04.006|水肿性喉炎|shui zhong xing hou yan
J04.051|溃疡性喉炎|kui yang xing hou yan
J04.052|脓毒性喉炎|nong du xing hou yan
J04.101|急性气管炎|ji xing qi guan yan
J04.102|气管炎|qi guan yan
J04.103|新生儿气管炎|xin sheng er qi guan yan
J04.151|急性喘息性气管炎|ji xing chuan xi xing qi guan yan
J04.201|急性喉气管炎|ji xing hou qi guan yan
J05.001|哮吼[格鲁布]|xiao hou ge lu bu
J05.051|急性喉炎伴喉梗阻|ji xing hou yan ban hou geng zu
J05.101|会厌脓肿|hui yan nong zhong
J05.102|急性会厌炎|ji xing hui yan yan
J06.001|急性咽喉炎|ji xing yan hou yan
J06.002|急性咽峡炎|ji xing yan xia yan
J06.051|咽下部炎|yan xia bu yan
J06.801|急性咽气管炎|ji xing yan qi guan yan
J06.851|扁桃体咽炎|bian tao ti yan yan
J06.901|病毒性上呼吸道感染|bing du xing shang hu xi dao gan ran
J06.903|上呼吸道感染|shang hu xi dao gan ran
J06.904|新生儿上呼吸道感染|xin sheng er shang hu xi dao gan ran
J10.051|流行性感冒伴肺炎，流行性感冒病毒被标明|liu xing xing gan mao ban fei yan liu xing xing gan mao bing du bei biao ming
J10.151|流行性感冒性咽炎|liu xing xing gan mao xing yan yan
J10.851|流行性感冒伴胃肠炎，流行性感冒病毒被标明|liu xing xing gan mao ban wei chang yan liu xing xing gan mao bing du bei biao ming
J10.852|流行性感冒伴心肌炎，流行性感冒病毒被标明|liu xing xing gan mao ban xin ji yan liu xing xing gan mao bing du bei biao ming
J11.051|病毒性肺炎伴流感|bing du xing fei yan ban liu gan
J11.101|流行性感冒|liu xing xing gan mao
J11.151|流行性感冒伴胸膜渗漏，流行性感冒病毒未标明|liu xing xing gan mao ban xiong mo shen lou liu xing xing gan mao bing du wei biao ming
J11.152|流行性感冒伴咽炎，流行性感冒病毒未标明|liu xing xing gan mao ban yan yan liu xing xing gan mao bing du wei biao ming
J11.153|流行性感冒伴喉炎，流行性感冒病毒未标明|liu xing xing gan mao ban hou yan liu xing xing gan mao bing du wei biao ming
J11.851|流行性感冒并发脑炎，流行性感冒病毒未标明|liu xing xing gan mao bing fa nao yan liu xing xing gan mao bing du wei biao ming
J11.852|扁桃体炎伴流感|bian tao ti yan ban liu gan
J11.853|流感性心肌炎，流行性感冒病毒未标明|liu gan xing xin ji yan liu xing xing gan mao bing du wei biao ming
J12.051|腺病毒性肺炎|xian bing du xing fei yan
J12.151|呼吸道合胞病毒肺炎|hu xi dao he bao bing du fei yan
J12.251|副流行性感冒肺炎|fu liu xing xing gan mao fei yan
J12.851|其他病毒性肺炎|qi ta bing du xing fei yan
J12.901|病毒性肺炎|bing du xing fei yan
J13.X01|肺炎链球菌性肺炎|fei yan lian qiu jun xing fei yan
J13.X02|肺炎球菌性肺炎|fei yan qiu jun xing fei yan
J13.X51|肺炎链球菌性引起的支气管肺炎|fei yan lian qiu jun xing yin qi de zhi qi guan fei yan
J14.X01|流感嗜血杆菌性肺炎|liu gan shi xue gan jun xing fei yan
J15.001|克雷白氏杆菌性肺炎|ke lei bai shi gan jun xing fei yan
J15.101|假单胞菌性肺炎(绿脓杆菌性肺炎)|jia dan bao jun xing fei yan lv nong gan jun xing fei yan
J15.201|葡萄球菌性肺炎|pu tao qiu jun xing fei yan
J15.351|Ｂ族链球菌引起的肺炎|zu lian qiu jun yin qi de fei yan
J15.401|链球菌性肺炎|lian qiu jun xing fei yan
J15.501|大肠杆菌性肺炎|da chang gan jun xing fei yan
J15.601|变形杆菌性肺炎|bian xing gan jun xing fei yan
J15.701|非典型性肺炎|fei dian xing xing fei yan
J15.702|支原体性肺炎|zhi yuan ti xing fei yan
J15.801|产气杆菌性肺炎|chan qi gan jun xing fei yan
J15.802|绿脓杆菌性肺炎|lv nong gan jun xing fei yan
J15.803|霉菌性肺炎|mei jun xing fei yan
J15.804|其他特指的细菌性肺炎|qi ta te zhi de xi jun xing fei yan
J15.851|洛菲不动杆菌性肺炎|luo fei bu dong gan jun xing fei yan
J15.852|厌氧菌性肺炎|yan yang jun xing fei yan
J15.901|细菌性肺炎|xi jun xing fei yan
J15.902|细菌性支气管肺炎|xi jun xing zhi qi guan fei yan
J16.051|衣原体性肺炎|yi yuan ti xing fei yan
J16.851|立克次氏体性肺炎|li ke ci shi ti xing fei yan
J18.001|喘息性支气管肺炎|chuan xi xing zhi qi guan fei yan
J18.002|毛细管支气管性肺炎|mao xi guan zhi qi guan xing fei yan
J18.003|支气管肺炎(小叶性肺炎 )|zhi qi guan fei yan xiao ye xing fei yan
J18.004|哮喘性支气管肺炎|xiao chuan xing zhi qi guan fei yan
J18.005|新生儿支气管肺炎|xin sheng er zhi qi guan fei yan
J18.006|婴儿喘息性支气管肺炎|ying er chuan xi xing zhi qi guan fei yan
J18.007|婴儿支气管肺炎|ying er zhi qi guan fei yan
J18.008|支气管肺炎[小叶性肺炎]|zhi qi guan fei yan xiao ye xing fei yan
J18.051|弥漫性肺炎|mi man xing fei yan
J18.052|支气管肺炎伴心功能不全|zhi qi guan fei yan ban xin gong neng bu quan
J18.101|大叶性肺炎|da ye xing fei yan
J18.151|胸膜肺炎|xiong mo fei yan
J18.201|坠积性肺炎|zhui ji xing fei yan
J18.801|被动性肺炎|bei dong xing fei yan
J18.802|节段性肺炎|jie duan xing fei yan
J18.803|局限性肺炎|ju xian xing fei yan
J18.804|中毒性肺炎|zhong du xing fei yan
J18.805|阻塞性肺炎|zu se xing fei yan
J18.851|肺泡性肺炎|fei pao xing fei yan
J18.901|肺炎|fei yan
J18.902|肺炎休克|fei yan xiu ke
J18.903|婴儿肺炎|ying er fei yan
J18.951|迁延性肺炎|qian yan xing fei yan
J18.952|休克型[中毒性或暴发性]肺炎|xiu ke xing zhong du xing huo bao fa xing fei yan
J18.953|重症肺炎|zhong zheng fei yan
J18.954|空调机(性)肺炎[机化性肺炎]|kong tiao ji xing fei yan ji hua xing fei yan
J20.151|流感嗜血杆菌引起的急性支气管炎|liu gan shi xue gan jun yin qi de ji xing zhi qi guan yan
J20.251|链球菌引起的急性支气管炎|lian qiu jun yin qi de ji xing zhi qi guan yan
J20.351|柯萨奇病毒引起的急性支气管炎|ke sa qi bing du yin qi de ji xing zhi qi guan yan
J20.451|副流感病毒引起的急性支气管炎|fu liu gan bing du yin qi de ji xing zhi qi guan yan
J20.551|呼吸道合胞病毒引起的急性支气管炎|hu xi dao he bao bing du yin qi de ji xing zhi qi guan yan
J20.651|鼻病毒引起的急性支气管炎|bi bing du yin qi de ji xing zhi qi guan yan
J20.751|艾柯病毒引起的急性支气管炎|ai ke bing du yin qi de ji xing zhi qi guan yan
J20.851|其他特指病原体引起的急性支气管炎|qi ta te zhi bing yuan ti yin qi de ji xing zhi qi guan yan
J20.901|新生儿支气管炎|xin sheng er zhi qi guan yan
J20.902|婴儿支气管炎|ying er zhi qi guan yan
J20.903|急性化脓性支气管炎|ji xing hua nong xing zhi qi guan yan
J20.904|急性支气管炎|ji xing zhi qi guan yan
J20.951|气管炎伴急性支气管炎|qi guan yan ban ji xing zhi qi guan yan
J20.952|急性喉、气管、支气管炎|ji xing hou qi guan zhi qi guan yan
J20.953|急性喉支气管炎|ji xing hou zhi qi guan yan
J20.954|支气管炎 NOS(年龄小于15岁的儿童未特指急性或慢性者)|zhi qi guan yan nian ling xiao yu sui de er tong wei te zhi ji xing huo man xing zhe
J21.051|呼吸道合胞病毒引起的急性(毛细支气管炎)细支气管炎|hu xi dao he bao bing du yin qi de ji xing mao xi zhi qi guan yan xi zhi qi guan yan
J21.851|其他特指病原引起的急性(毛细支气管炎)细支气管炎|qi ta te zhi bing yuan yin qi de ji xing mao xi zhi qi guan yan xi zhi qi guan yan
J21.901|急性喘息性支气管炎|ji xing chuan xi xing zhi qi guan yan
J21.902|急性毛细支气管炎|ji xing mao xi zhi qi guan yan
J21.903|细支气管炎|xi zhi qi guan yan
J22.X51|急性下呼吸道感染|ji xing xia hu xi dao gan ran
J30.001|血管舒缩性鼻炎|xue guan shu suo xing bi yan
J30.051|血管运动性鼻炎|xue guan yun dong xing bi yan
J30.101|花粉症[枯草热；季节性变应性鼻炎]|hua fen zheng ku cao re ji jie xing bian ying xing bi yan
J30.251|其他季节性变应性鼻炎|qi ta ji jie xing bian ying xing bi yan
J30.301|药物性鼻炎|yao wu xing bi yan
J30.351|全年性变应性鼻炎|quan nian xing bian ying xing bi yan
J30.401|过敏性鼻炎(变应性鼻炎)|guo min xing bi yan bian ying xing bi yan
J31.001|鼻炎|bi yan
J31.002|肥厚性鼻炎|fei hou xing bi yan
J31.003|溃疡性鼻炎|kui yang xing bi yan
J31.004|慢性鼻炎|man xing bi yan
J31.005|肉芽肿性鼻炎|rou ya zhong xing bi yan
J31.006|臭鼻症[萎缩性鼻炎]|chou bi zheng wei suo xing bi yan
J31.051|梗阻性鼻炎|geng zu xing bi yan
J31.101|慢性鼻咽炎|man xing bi yan yan
J31.201|肥大性咽炎|fei da xing yan yan
J31.202|慢性咽喉痛|man xing yan hou tong
J31.203|慢性咽炎|man xing yan yan
J31.204|萎缩性咽炎|wei suo xing yan yan
J31.251|慢性化脓性溃疡性喉痛|man xing hua nong xing kui yang xing hou tong
J31.252|滤泡性咽炎|lv pao xing yan yan
J32.001|慢性上颌窦炎|man xing shang he dou yan
J32.002|出血性坏死性上颌窦炎|chu xue xing huai si xing shang he dou yan
J32.003|坏死性上颌窦炎|huai si xing shang he dou yan
J32.004|口腔上颌窦瘘|kou qiang shang he dou lou
J32.005|慢性化脓性上颌窦炎|man xing hua nong xing shang he dou yan
J32.006|上颌窦瘘|shang he dou lou
J32.007|上颌窦炎|shang he dou yan
J32.051|真菌性上颌窦炎|zhen jun xing shang he dou yan
J32.101|额窦炎|e dou yan
J32.102|慢性额窦炎|man xing e dou yan
J32.103|额窦脓肿|e dou nong zhong
J32.151|息肉样鼻窦变性|xi rou yang bi dou bian xing
J32.201|筛窦炎(慢性)|shai dou yan man xing
J32.202|化脓性筛窦炎|hua nong xing shai dou yan
J32.301|慢性蝶窦炎|man xing die dou yan
J32.302|蝶窦脓肿|die dou nong zhong
J32.303|蝶窦肉芽肿|die dou rou ya zhong
J32.401|慢性全鼻窦炎|man xing quan bi dou yan
J32.451|鼻窦炎|bi dou yan
J32.452|真菌性鼻窦炎|zhen jun xing bi dou yan
J32.453|副鼻窦炎|fu bi dou yan
J32.801|额筛窦脓肿|e shai dou nong zhong
J32.851|多个部位鼻窦炎(不包括全鼻窦炎)|duo ge bu wei bi dou yan bu bao kuo quan bi dou yan
J32.901|化脓性鼻窦炎|hua nong xing bi dou yan
J32.902|慢性鼻窦炎|man xing bi dou yan
J32.903|慢性化脓性鼻窦炎|man xing hua nong xing bi dou yan
J32.904|鼻窦瘘|bi dou lou
J32.905|鼻窦脓肿|bi dou nong zhong
J32.906|鼻窦肉芽肿|bi dou rou ya zhong
J32.908|慢性化脓性副鼻窦炎|man xing hua nong xing fu bi dou yan
J32.951|儿童鼻窦炎|er tong bi dou yan
J33.002|后鼻孔息肉|hou bi kong xi rou
J33.003|左侧鼻息肉|zuo ce bi xi rou
J33.004|鼻腔息肉|bi qiang xi rou
J33.051|鼻咽息肉|bi yan xi rou
J33.052|鼻中隔息肉|bi zhong ge xi rou
J33.151|筛窦炎[沃尔克斯氏综合征]|shai dou yan wo er ke si shi zong he zheng
J33.801|鼻窦息肉|bi dou xi rou
J33.802|鼻甲息肉|bi jia xi rou
J33.803|蝶窦息肉|die dou xi rou
J33.804|上颌窦息肉|shang he dou xi rou
J33.805|副鼻窦息肉|fu bi dou xi rou
J33.806|筛窦息肉|shai dou xi rou
J33.951|鼻息肉 NOS|bi xi rou
J33.952|出血坏死性鼻息肉|chu xue huai si xing bi xi rou
J34.001|鼻部疖|bi bu jie
J34.002|鼻部脓肿|bi bu nong zhong
J34.003|鼻部痈|bi bu yong
J34.004|鼻蜂窝织炎|bi feng wo zhi yan
J34.005|鼻坏死|bi huai si
J34.006|鼻溃疡|bi kui yang
J34.007|鼻脓肿|bi nong zhong
J34.008|鼻前庭鼻中隔溃疡|bi qian ting bi zhong ge kui yang
J34.009|鼻中隔坏死|bi zhong ge huai si
J34.010|鼻中隔溃疡|bi zhong ge kui yang
J34.011|鼻中隔脓肿|bi zhong ge nong zhong
J34.012|鼻中隔肉芽肿|bi zhong ge rou ya zhong
J34.101|鼻部囊肿|bi bu nang zhong
J34.102|鼻窦囊肿|bi dou nang zhong
J34.103|鼻前庭囊肿|bi qian ting nang zhong
J34.104|蝶窦囊肿|die dou nang zhong
J34.105|额窦囊肿|e dou nang zhong
J34.106|筛窦囊肿|shai dou nang zhong
J34.107|上颌窦囊肿|shang he dou nang zhong
J34.201|鼻中隔偏曲|bi zhong ge pian qu
J34.301|鼻甲肥大|bi jia fei da
J34.801|鼻部感染|bi bu gan ran
J34.802|鼻部瘘管|bi bu lou guan
J34.803|鼻部肿物|bi bu zhong wu
J34.804|鼻肥大|bi fei da
J34.805|鼻甲粘连|bi jia nian lian
J34.806|鼻结石|bi jie shi
J34.807|鼻瘘|bi lou
J34.808|鼻前庭炎|bi qian ting yan
J34.809|后天性鼻孔闭锁[后天性鼻腔闭锁鼻腔闭锁,后天性]|hou tian xing bi kong bi suo hou tian xing bi qiang bi suo bi qiang bi suo hou tian xing
J34.810|鼻腔狭窄|bi qiang xia zhai
J34.811|鼻腔粘连|bi qiang nian lian
J34.812|上颌窦肿物|shang he dou zhong wu
J34.813|筛窦肿物|shai dou zhong wu
J34.814|鼻腔肿物|bi qiang zhong wu
J34.815|鼻中隔穿孔|bi zhong ge chuan kong
J34.816|鼻中膈血肿|bi zhong ge xue zhong
J34.817|蝶窦肿物|die dou zhong wu
J34.818|后天性鼻孔狭窄|hou tian xing bi kong xia zhai
J34.851|鼻甲囊肿|bi jia nang zhong
J34.852|鼻孔闭锁|bi kong bi suo
J34.853|鼻前(后)孔狭窄|bi qian hou kong xia zhai
J34.854|鼻咽闭锁|bi yan bi suo
J34.855|鼻咽粘连(与鼻甲)(中隔)|bi yan nian lian yu bi jia zhong ge
J34.856|鼻中隔骨嵴(刺)|bi zhong ge gu ji ci
J34.857|鼻窦结石|bi dou jie shi
J34.858|鼻骨肥大|bi gu fei da
J35.001|慢性扁桃体炎|man xing bian tao ti yan
J35.051|肥大性扁桃体炎|fei da xing bian tao ti yan
J35.101|扁桃体肥大[扁桃体增生]|bian tao ti fei da bian tao ti zeng sheng
J35.201|腺样体肥大|xian yang ti fei da
J35.251|慢性增殖腺(体)炎|man xing zeng zhi xian ti yan
J35.252|增殖腺肥大|zeng zhi xian fei da
J35.301|慢性扁桃体炎和腺样体增生|man xing bian tao ti yan he xian yang ti zeng sheng
J35.351|扁桃体肥大伴增殖腺肥大|bian tao ti fei da ban zeng zhi xian fei da
J35.801|扁桃体残体|bian tao ti can ti
J35.802|扁桃体角化症|bian tao ti jiao hua zheng
J35.803|扁桃体溃疡|bian tao ti kui yang
J35.804|扁桃体囊肿|bian tao ti nang zhong
J35.805|扁桃体息肉|bian tao ti xi rou
J35.851|扁桃体结石|bian tao ti jie shi
J35.901|扁桃体肿物|bian tao ti zhong wu
J36.X01|扁桃体脓肿|bian tao ti nong zhong
J36.X02|扁桃体周围脓肿|bian tao ti zhou wei nong zhong
J36.X03|扁桃体周围炎|bian tao ti zhou wei yan
J36.X51|扁桃体周围蜂窝组织炎|bian tao ti zhou wei feng wo zu zhi yan
J37.001|慢性喉咽炎|man xing hou yan yan
J37.002|慢性喉炎|man xing hou yan
J37.003|慢性会厌炎|man xing hui yan yan
J37.151|慢性喉炎伴慢性气管炎|man xing hou yan ban man xing qi guan yan
J37.152|慢性气管炎伴慢性喉炎|man xing qi guan yan ban man xing hou yan
J38.001|喉肌麻痹 [喉麻痹]|hou ji ma bi hou ma bi
J38.002|喉上神经麻痹|hou shang shen jing ma bi
J38.003|喉神经麻痹|hou shen jing ma bi
J38.004|声带麻痹(瘫痪)|sheng dai ma bi tan huan
J38.051|喉麻痹|hou ma bi
J38.052|喉收肌麻痹|hou shou ji ma bi
J38.101|喉息肉|hou xi rou
J38.102|声带息肉|sheng dai xi rou
J38.151|室带息肉|shi dai xi rou
J38.201|歌手结节|ge shou jie jie
J38.202|声带结节|sheng dai jie jie
J38.203|声带小结|sheng dai xiao jie
J38.204|声带炎|sheng dai yan
J38.251|室带炎|shi dai yan
J38.301|声带白斑|sheng dai bai ban
J38.302|声带出血|sheng dai chu xue
J38.303|声带恶性肉芽肿|sheng dai e xing rou ya zhong
J38.304|声带角化症|sheng dai jiao hua zheng
J38.305|声带囊肿|sheng dai nang zhong
J38.306|声带其他疾患|sheng dai qi ta ji huan
J38.307|声带肉芽肿|sheng dai rou ya zhong
J38.308|声带水肿|sheng dai shui zhong
J38.309|声带松弛|sheng dai song chi
J38.310|声带粘连|sheng dai nian lian
J38.311|声带肿物|sheng dai zhong wu
J38.351|声带闭合不全|sheng dai bi he bu quan
J38.352|声带肥大|sheng dai fei da
J38.353|声带脓肿|sheng dai nong zhong
J38.401|喉水肿|hou shui zhong
J38.451|声门水肿|sheng men shui zhong
J38.501|喉痉挛|hou jing luan
J38.551|米勒哮喘(性)(支气管)(痉挛性)|mi le xiao chuan xing zhi qi guan jing luan xing
J38.552|咽－扁桃体－心脏综合征|yan bian tao ti xin zang zong he zheng
J38.601|喉梗阻|hou geng zu
J38.602|喉狭窄|hou xia zhai
J38.603|喉咽部狭窄|hou yan bu xia zhai
J38.604|声门狭窄|sheng men xia zhai
J38.651|喉瘢痕狭窄|hou ban hen xia zhai
J38.701|喉室带囊肿|hou shi dai nang zhong
J38.702|喉囊肿|hou nang zhong
J38.703|喉肌弱症|hou ji ruo zheng
J38.704|喉角化不全症|hou jiao hua bu quan zheng
J38.705|喉角化症|hou jiao hua zheng
J38.706|喉溃疡|hou kui yang
J38.707|喉内炎性肿物|hou nei yan xing zhong wu
J38.708|喉肉芽肿|hou rou ya zhong
J38.709|喉上皮角化症|hou shang pi jiao hua zheng
J38.710|喉硬结病|hou ying jie bing
J38.711|喉肿物|hou zhong wu
J38.712|环杓关节强硬|huan shao guan jie qiang ying
J38.713|会厌部肉芽肿|hui yan bu rou ya zhong
J38.714|会厌溃疡|hui yan kui yang
J38.715|会厌囊肿|hui yan nang zhong
J38.717|会厌增生|hui yan zeng sheng
J38.718|室带肥厚|shi dai fei hou
J38.719|外伤性喉蹼|wai shang xing hou pu
J38.751|喉白斑病|hou bai ban bing
J38.752|喉肥厚|hou fei hou
J38.753|喉厚皮症|hou hou pi zheng
J38.754|接触性喉溃疡|jie chu xing hou kui yang
J39.001|咽侧壁炎性肿物|yan ce bi yan xing zhong wu
J39.002|咽后壁脓肿|yan hou bi nong zhong
J39.004|咽旁脓肿|yan pang nong zhong
J39.051|咽周脓肿|yan zhou nong zhong
J39.105|咽脓肿|yan nong zhong
J39.151|咽囊炎[咽粘液囊炎]|yan nang yan yan nian ye nang yan
J39.152|喉蜂窝织炎|hou feng wo zhi yan
J39.201|瘢痕性咽狭窄|ban hen xing yan xia zhai
J39.202|鼻咽部出血|bi yan bu chu xue
J39.203|鼻咽部囊肿|bi yan bu nang zhong
J39.205|咽部水肿|yan bu shui zhong
J39.207|鼻咽粘连|bi yan nian lian
J39.208|梨状窝息肉|li zhuang wo xi rou
J39.209|手术后咽瘘|shou shu hou yan lou
J39.210|咽下部狭窄|yan xia bu xia zhai
J39.211|咽部肿物|yan bu zhong wu
J39.212|咽喉溃疡|yan hou kui yang
J39.213|咽角化症|yan jiao hua zheng
J39.214|咽瘘|yan lou
J39.215|咽旁隙感染|yan pang xi gan ran
J39.216|咽下部囊肿|yan xia bu nang zhong
J39.251|咽部溃疡|yan bu kui yang
J39.252|咽部异感症|yan bu yi gan zheng
J39.253|咽蜂窝织炎|yan feng wo zhi yan
J39.254|咽肌痉挛|yan ji jing luan
J39.255|托伦瓦尔特囊肿或病[咽囊肿]|tuo lun wa er te nang zhong huo bing yan nang zhong
J39.256|喉部鳞状上皮增生|hou bu lin zhuang shang pi zeng sheng
J39.351|部位未特指的上呼吸道过敏反应|bu wei wei te zhi de shang hu xi dao guo min fan ying
J39.801|大气道狭窄|da qi dao xia zhai
J39.802|气管瘢痕|qi guan ban hen
J39.803|气管梗阻|qi guan geng zu
J39.804|气管假性淋巴瘤|qi guan jia xing lin ba liu
J39.805|气管囊肿|qi guan nang zhong
J39.806|气管脓肿|qi guan nong zhong
J39.807|气管肉芽肿|qi guan rou ya zhong
J39.808|气管软化症|qi guan ruan hua zheng
J39.809|气管受压|qi guan shou ya
J39.810|气管狭窄|qi guan xia zhai
J39.901|气管肿物|qi guan zhong wu
J39.951|上呼吸道的疾病|shang hu xi dao de ji bing
J40.X01|气管支气管炎|qi guan zhi qi guan yan
J40.X02|纤维素性支气管炎|xian wei su xing zhi qi guan yan
J40.X03|支气管炎 NOS(年龄 在15岁以上儿童未特指急性或慢性者)|zhi qi guan yan nian ling zai sui yi shang er tong wei te zhi ji xing huo man xing zhe
J40.X04|支气管周围炎|zhi qi guan zhou wei yan
J40.X51|假膜性支气管炎|jia mo xing zhi qi guan yan
J41.001|慢性单纯性支气管炎|man xing dan chun xing zhi qi guan yan
J41.002|支气管炎性肿物|zhi qi guan yan xing zhong wu
J41.151|慢性化脓性支气管炎|man xing hua nong xing zhi qi guan yan
J41.851|慢性混合的单纯性支气管炎|man xing hun he de dan chun xing zhi qi guan yan
J42.X01|慢性气管炎|man xing qi guan yan
J42.X02|慢性支气管炎|man xing zhi qi guan yan
J42.X51|慢性继发感染性支气管炎|man xing ji fa gan ran xing zhi qi guan yan
J42.X52|气管炎伴慢支炎|qi guan yan ban man zhi yan
J43.051|单侧透明肺|dan ce tou ming fei
J43.052|单侧肺气肿|dan ce fei qi zhong
J43.053|麦克劳德综合征|mai ke lao de zong he zheng
J43.101|全叶性肺气肿|quan ye xing fei qi zhong
J43.151|全肺泡性肺气肿|quan fei pao xing fei qi zhong
J43.201|中心叶性肺气肿|zhong xin ye xing fei qi zhong
J43.851|其他肺气肿|qi ta fei qi zhong
J43.901|大泡性肺气肿|da pao xing fei qi zhong
J43.902|肺大泡破裂|fei da pao po lie
J43.903|肺气肿 NOS|fei qi zhong
J43.904|老年性肺气肿|lao nian xing fei qi zhong
J43.905|阻塞性肺气肿|zu se xing fei qi zhong
J43.951|肺泡性肺气肿|fei pao xing fei qi zhong
J43.952|局灶性肺气肿|ju zao xing fei qi zhong
J43.953|肺大泡|fei da pao
J44.001|慢性阻塞性支气管炎合并感染|man xing zu se xing zhi qi guan yan he bing gan ran
J44.002|哮喘性肺炎|xiao chuan xing fei yan
J44.101|慢性支气管炎急性发作|man xing zhi qi guan yan ji xing fa zuo
J44.151|慢性阻塞性肺病伴有急性加重 NOS|man xing zu se xing fei bing ban you ji xing jia zhong
J44.801|闭塞性细支气管炎|bi se xing xi zhi qi guan yan
J44.802|慢性喘息性支气管炎|man xing chuan xi xing zhi qi guan yan
J44.803|慢性哮喘性支气管炎|man xing xiao chuan xing zhi qi guan yan
J44.804|慢性气肿型支气管炎|man xing qi zhong xing zhi qi guan yan
J44.805|慢性细支气管炎|man xing xi zhi qi guan yan
J44.806|慢性阻塞性支气管炎|man xing zu se xing zhi qi guan yan
J44.851|慢性支气管炎伴肺气肿|man xing zhi qi guan yan ban fei qi zhong
J44.901|慢性阻塞性肺疾病|man xing zu se xing fei ji bing
J44.951|慢性阻塞性气道疾病|man xing zu se xing qi dao ji bing
J45.001|过敏性哮喘|guo min xing xiao chuan
J45.002|外源性支气管哮喘|wai yuan xing zhi qi guan xiao chuan
J45.003|儿童期哮喘|er tong qi xiao chuan
J45.004|过敏性鼻炎伴哮喘|guo min xing bi yan ban xiao chuan
J45.005|过敏性哮喘，过敏性鼻炎伴哮喘|guo min xing xiao chuan guo min xing bi yan ban xiao chuan
J45.051|变态反应性支气管哮喘|bian tai fan ying xing zhi qi guan xiao chuan
J45.052|外因性变应性支气管哮喘|wai yin xing bian ying xing zhi qi guan xiao chuan
J45.053|职业哮喘|zhi ye xiao chuan
J45.101|内源性支气管哮喘|nei yuan xing zhi qi guan xiao chuan
J45.151|内因性非变应性支气管哮喘|nei yin xing fei bian ying xing zhi qi guan xiao chuan
J45.152|特应性哮喘|te ying xing xiao chuan
J45.851|混合性哮喘|hun he xing xiao chuan
J45.901|哮喘|xiao chuan
J45.902|哮喘性支气管炎|xiao chuan xing zhi qi guan yan
J45.903|支气管哮喘|zhi qi guan xiao chuan
J45.951|迟发型哮喘|chi fa xing xiao chuan
J45.952|罗斯坦(性)(支气管)(痉挛性)哮喘|luo si tan xing zhi qi guan jing luan xing xiao chuan
J46.X01|哮喘持续状态(哮喘状态)|xiao chuan chi xu zhuang tai xiao chuan zhuang tai
J46.X51|急性严重哮喘|ji xing yan zhong xiao chuan
J47.X01|支气管扩张|zhi qi guan kuo zhang
J47.X02|支气管扩张伴咯血|zhi qi guan kuo zhang ban ka xie
J47.X03|支气管扩张合并感染|zhi qi guan kuo zhang he bing gan ran
J47.X51|细支气管扩张症|xi zhi qi guan kuo zhang zheng
J60.X01|煤尘肺(炭末肺)|mei chen fei tan mo fei
J60.X51|矿工肺|kuang gong fei
J60.X52|矿工哮喘|kuang gong xiao chuan
J60.X53|煤矽肺|mei xi fei
J61.X51|石棉肺[石棉沉着病]|shi mian fei shi mian chen zhuo bing
J62.051|滑石粉尘肺|hua shi fen chen fei
J62.801|矽肺(硅肺)|xi fei gui fei
J62.802|矽肺性肺纤维化|xi fei xing fei xian wei hua
J62.851|喷沙工哮喘、喷沙工肺、喷沙工尘肺|pen sha gong xiao chuan pen sha gong fei pen sha gong chen fei
J62.852|花岗岩工人肺|hua gang yan gong ren fei
J62.853|石匠哮喘、石匠病、石匠肺或石匠尘肺|shi jiang xiao chuan shi jiang bing shi jiang fei huo shi jiang chen fei
J63.051|矾土肺(肺的)|fan tu fei fei de
J63.151|铝土纤维化(肺的)|lv tu xian wei hua fei de
J63.251|铍中毒(肺)|pi zhong du fei
J63.351|石墨纤维化(肺的)|shi mo xian wei hua fei de
J63.451|肺铁未沉着病[阿尔克－韦尔法氏肺]|fei tie wei chen zhuo bing a er ke wei er fa shi fei
J63.551|锡尘肺(锡矿工尘肺)|xi chen fei xi kuang gong chen fei
J63.851|铸工支气管炎|zhu gong zhi qi guan yan
J63.852|金属尘肺|jin shu chen fei
J64.X51|肺尘埃沉着病[尘肺]|fei chen ai chen zhuo bing chen fei
J65.X01|矽肺结核病(矽肺并发肺结核病)|xi fei jie he bing xi fei bing fa fei jie he bing
J66.051|棉尘肺|mian chen fei
J66.151|亚麻肺|ya ma fei
J66.251|大麻尘肺|da ma chen fei
J66.851|其他特指的有机粉尘引起的气道疾病|qi ta te zhi de you ji fen chen yin qi de qi dao ji bing
J67.001|农民肺|nong min fei
J67.051|发霉干草病|fa mei gan cao bing
J67.151|蔗尘病或蔗尘肺|zhe chen bing huo zhe chen fei
J67.251|好鸟者肺|hao niao zhe fei
J67.351|软木尘肺|ruan mu chen fei
J67.451|麦芽肺|mai ya fei
J67.501|蘑菇肺|mo gu fei
J67.651|剥枫树皮肺|bao feng shu pi fei
J67.751|空调和加湿器肺|kong tiao he jia shi qi fei
J67.851|木工哮喘|mu gong xiao chuan
J67.852|变应性(外因性)肺泡炎|bian ying xing wai yin xing fei pao yan
J67.853|谷物工病[或谷物工人肺]|gu wu gong bing huo gu wu gong ren fei
J67.854|咖啡肺|ka fei fei
J67.855|鱼食肺|yu shi fei
J67.856|皮毛肺|pi mao fei
J67.857|红杉锯屑病|hong shan ju xie bing
J67.901|过敏性肺炎|guo min xing fei yan
J67.902|过敏性(变应性)肺泡炎[吕弗勒综合征]|guo min xing bian ying xing fei pao yan lv fu le zong he zheng
J67.951|喘息性(哮喘)肺炎|chuan xi xing xiao chuan fei yan
J68.001|肺炎，由于吸入有毒气体|fei yan you yu xi ru you du qi ti
J68.051|急性化学性支气管炎|ji xing hua xue xing zhi qi guan yan
J68.151|急性化学性肺水肿|ji xing hua xue xing fei shui zhong
J68.251|吸入化学制剂、气体、烟雾和蒸气引起的上呼吸道炎症|xi ru hua xue zhi ji qi ti yan wu he zheng qi yin qi de shang hu xi dao yan zheng
J68.351|反应性气道机能障碍综合征|fan ying xing qi dao ji neng zhang ai zong he zheng
J68.451|吸入化学制剂、气体、烟雾和蒸气引起的肺气肿|xi ru hua xue zhi ji qi ti yan wu he zheng qi yin qi de fei qi zhong
J68.452|吸入化学制剂、气体、烟雾和蒸气引起的肺纤维化|xi ru hua xue zhi ji qi ti yan wu he zheng qi yin qi de fei xian wei hua
J68.951|吸入化学制剂、气体、烟雾和蒸气引起的呼吸道疾病 NOS|xi ru hua xue zhi ji qi ti yan wu he zheng qi yin qi de hu xi dao ji bing
J69.001|吸入性肺炎|xi ru xing fei yan
J69.002|吸入性肺炎,由于胃分泌物|xi ru xing fei yan you yu wei fen mi wu
J69.101|肺炎,由于吸入油|fei yan you yu xi ru you
J69.151|脂质性肺炎|zhi zhi xing fei yan
J69.801|洗涤剂性支气管哮喘|xi di ji xing zhi qi guan xiao chuan
J69.851|吸入血引起的肺炎|xi ru xue yin qi de fei yan
J70.001|放射性肺炎|fang she xing fei yan
J70.101|放射性肺纤维化|fang she xing fei xian wei hua
J70.251|药物性急性间质性肺疾患|yao wu xing ji xing jian zhi xing fei ji huan
J70.351|药物性慢性间质性肺疾患|yao wu xing man xing jian zhi xing fei ji huan
J70.451|药物性间质性肺疾患|yao wu xing jian zhi xing fei ji huan
J70.851|其他特指外部物质引起的呼吸性情况|qi ta te zhi wai bu wu zhi yin qi de hu xi xing qing kuang
J70.951|由外部物质引起的呼吸性情况 NOS|you wai bu wu zhi yin qi de hu xi xing qing kuang
J80.X01|成人型肺透明膜病|cheng ren xing fei tou ming mo bing
J80.X02|成人呼吸窘迫综合征|cheng ren hu xi jiong po zong he zheng
J80.X03|透明肺|tou ming fei
J80.X04|休克肺|xiu ke fei
J80.X51|创伤性肺机能不全|chuang shang xing fei ji neng bu quan
J81.X01|创伤性湿肺|chuang shang xing shi fei
J81.X02|急性肺水肿|ji xing fei shui zhong
J81.X03|肺水肿|fei shui zhong
J81.X51|肺充血|fei chong xue
J81.X52|中毒性肺水肿|zhong du xing fei shui zhong
J81.X53|肺血液坠积|fei xue ye zhui ji
J81.X54|被动性肺水肿|bei dong xing fei shui zhong
J82.X01|肺嗜酸细胞增多症|fei shi suan xi bao zeng duo zheng
J82.X02|过敏性肺炎(变应性)|guo min xing fei yan bian ying xing
J82.X03|嗜酸细胞性肺炎|shi suan xi bao xing fei yan
J82.X51|迁延性肺嗜酸粒细胞浸润症[慢性嗜酸粒细胞性肺]|qian yan xing fei shi suan li xi bao jin run zheng man xing shi suan li xi bao xing fei
J82.X52|肺嗜酸细胞浸润症，单纯性[勒夫勒氏综合征]|fei shi suan xi bao jin run zheng dan chun xing le fu le shi zong he zheng
J82.X53|热带性嗜酸细胞增多症|re dai xing shi suan xi bao zeng duo zheng
J82.X54|嗜酸细胞性哮喘|shi suan xi bao xing xiao chuan
J84.001|肺泡蛋白沉积症|fei pao dan bai chen ji zheng
J84.101|肺间质纤维化(炎症后)|fei jian zhi xian wei hua yan zheng hou
J84.102|肺肉芽肿|fei rou ya zhong
J84.103|肺纤维化|fei xian wei hua
J84.104|肺硬化|fei ying hua
J84.105|机化性肺炎|ji hua xing fei yan
J84.106|间质性纤维化性肺泡炎|jian zhi xing xian wei hua xing fei pao yan
J84.107|弥漫性肺间质纤维化|mi man xing fei jian zhi xian wei hua
J84.108|弥漫性肺纤维化|mi man xing fei xian wei hua
J84.109|特发性弥漫性肺间质纤维化|te fa xing mi man xing fei jian zhi xian wei hua
J84.110|致纤维化肺泡炎|zhi xian wei hua fei pao yan
J84.151|肺间质纤维化[黑－里(哈曼－里奇)综合征]|fei jian zhi xian wei hua hei li ha man li qi zong he zheng
J84.152|特发性肺棕色硬结症|te fa xing fei zong se ying jie zheng
J84.801|胆固醇肺炎[类源性类脂性肺炎]|dan gu chun fei yan lei yuan xing lei zhi xing fei yan
J84.802|肺弥漫性间质病变|fei mi man xing jian zhi bing bian
J84.901|间质性肺炎|jian zhi xing fei yan
J85.001|坏疽性肺炎|huai ju xing fei yan
J85.151|肺脓肿伴肺炎|fei nong zhong ban fei yan
J85.201|肺脓肿|fei nong zhong
J85.251|继发性肺脓肿|ji fa xing fei nong zhong
J85.252|吸入性肺脓肿|xi ru xing fei nong zhong
J85.253|血源性肺脓肿|xue yuan xing fei nong zhong
J85.301|纵隔脓肿|zong ge nong zhong
J86.001|肝-胸膜瘘|gan xiong mo lou
J86.002|脓胸伴瘘|nong xiong ban lou
J86.003|食管气管瘘|shi guan qi guan lou
J86.004|食管胸膜瘘|shi guan xiong mo lou
J86.005|食管支气管瘘|shi guan zhi qi guan lou
J86.006|手术后支气管胸膜瘘|shou shu hou zhi qi guan xiong mo lou
J86.007|胸壁窦道|xiong bi dou dao
J86.008|支气管瘘|zhi qi guan lou
J86.009|支气管-胃-结肠瘘|zhi qi guan wei jie chang lou
J86.010|支气管胸膜瘘|zhi qi guan xiong mo lou
J86.011|纵隔瘘|zong ge lou
J86.051|纵隔支气管瘘|zong ge zhi qi guan lou
J86.052|支气管内脏瘘|zhi qi guan nei zang lou
J86.053|脓胸伴支气管胸膜瘘|nong xiong ban zhi qi guan xiong mo lou
J86.054|脓胸伴支气管瘘|nong xiong ban zhi qi guan lou
J86.055|脓胸伴纵隔窦道|nong xiong ban zong ge dou dao
J86.901|化脓性胸膜炎|hua nong xing xiong mo yan
J86.902|脓气胸|nong qi xiong
J86.903|脓胸|nong xiong
J86.951|急性全脓胸伴肺不张|ji xing quan nong xiong ban fei bu zhang
J86.952|浆液性脓性胸膜炎|jiang ye xing nong xing xiong mo yan
J86.953|纤维性脓性胸膜炎|xian wei xing nong xing xiong mo yan
J90.X01|包裹性胸膜炎|bao guo xing xiong mo yan
J90.X02|渗出性胸膜炎|shen chu xing xiong mo yan
J90.X03|胸膜炎伴积液|xiong mo yan ban ji ye
J90.X51|浆液性胸膜炎|jiang ye xing xiong mo yan
J92.051|胸膜斑伴有石棉沉着病|xiong mo ban ban you shi mian chen zhuo bing
J92.901|胸膜肥厚(胸膜纤维化)|xiong mo fei hou xiong mo xian wei hua
J92.951|胸膜斑|xiong mo ban
J93.001|张力性气胸|zhang li xing qi xiong
J93.051|自发性张力性气胸|zi fa xing zhang li xing qi xiong
J93.101|自发性气胸|zi fa xing qi xiong
J93.801|包裹性气胸|bao guo xing qi xiong
J93.901|气胸 NOS|qi xiong
J94.051|乳糜性渗出|ru mi xing shen chu
J94.151|纤维胸|xian wei xiong
J94.201|血气胸|xue qi xiong
J94.202|血胸|xue xiong
J94.251|出血性胸膜炎|chu xue xing xiong mo yan
J94.252|自发性血气胸|zi fa xing xue qi xiong
J94.801|包裹性胸腔积液|bao guo xing xiong qiang ji ye
J94.802|梅格斯综合征|mei ge si zong he zheng
J94.803|手术后胸腔积液|shou shu hou xiong qiang ji ye
J94.804|水气胸|shui qi xiong
J94.805|胸膜钙化|xiong mo gai hua
J94.806|胸膜腔积液|xiong mo qiang ji ye
J94.807|胸膜粘连|xiong mo nian lian
J94.808|胸腔积液|xiong qiang ji ye
J94.809|液气胸|ye qi xiong
J94.951|胸膜疾患 NOS|xiong mo ji huan
J95.001|手术后气管食管瘘|shou shu hou qi guan shi guan lou
J95.003|气管切开术后拔管困难|qi guan qie kai shu hou ba guan kun nan
J95.004|气管切开术后气道阻塞|qi guan qie kai shu hou qi dao zu se
J95.005|气管造瘘口狭窄|qi guan zao lou kou xia zhai
J95.006|气管造口术后气管食管瘘|qi guan zao kou shu hou qi guan shi guan lou
J95.051|气管造口术后出血|qi guan zao kou shu hou chu xue
J95.052|气管造口术后脓毒病|qi guan zao kou shu hou nong du bing
J95.101|手术后急性肺机能不全|shou shu hou ji xing fei ji neng bu quan
J95.351|手术后慢性肺机能不全|shou shu hou man xing fei ji neng bu quan
J95.451|门德尔松综合征|men de er song zong he zheng
J95.551|操作后的声门下狭窄|cao zuo hou de sheng men xia xia zhai
J95.801|气管插管后喉水肿|qi guan cha guan hou hou shui zhong
J95.802|手术后气胸|shou shu hou qi xiong
J95.803|手术后声带粘连|shou shu hou sheng dai nian lian
J95.804|胸壁术后软化|xiong bi shu hou ruan hua
J95.851|气管造瘘术后口狭窄|qi guan zao lou shu hou kou xia zhai
J95.951|操作后呼吸性疾患 NOS|cao zuo hou hu xi xing ji huan
J96.051|急性呼吸衰竭|ji xing hu xi shuai jie
J96.151|慢性呼吸衰竭|man xing hu xi shuai jie
J96.901|呼吸衰竭 NOS|hu xi shuai jie
J98.001|后天性支气管憩室|hou tian xing zhi qi guan qi shi
J98.002|支气管化脓性肉芽肿|zhi qi guan hua nong xing rou ya zhong
J98.003|支气管结石|zhi qi guan jie shi
J98.004|支气管息肉|zhi qi guan xi rou
J98.005|支气管狭窄|zhi qi guan xia zhai
J98.006|支气管粘膜纤维组织增生|zhi qi guan nian mo xian wei zu zhi zeng sheng
J98.051|支气管钙化|zhi qi guan gai hua
J98.052|支气管溃疡|zhi qi guan kui yang
J98.053|支气管憩室|zhi qi guan qi shi
J98.101|肺不张|fei bu zhang
J98.102|肺萎陷|fei wei xian
J98.103|肺中叶综合征|fei zhong ye zong he zheng
J98.201|纵隔气肿|zong ge qi zhong
J98.251|间质性肺气肿|jian zhi xing fei qi zhong
J98.301|代偿性肺气肿|dai chang xing fei qi zhong
J98.351|隔下脓肿|ge xia nong zhong
J98.401|多囊肺|duo nang fei
J98.402|肺部感染|fei bu gan ran
J98.403|肺膨出|fei peng chu
J98.404|肺钙化|fei gai hua
J98.405|肺后壁空洞|fei hou bi kong dong
J98.406|肺机能不全|fei ji neng bu quan
J98.407|肺假性淋巴瘤|fei jia xing lin ba liu
J98.408|肺假性肿瘤|fei jia xing zhong liu
J98.409|肺炎性假瘤|fei yan xing jia liu
J98.410|肺弥漫性病变|fei mi man xing bing bian
J98.411|肺囊肿|fei nang zhong
J98.412|肺肿物|fei zhong wu
J98.413|过敏性支气管肺疾患|guo min xing zhi qi guan fei ji huan
J98.414|损毁肺(炎症性)|sun hui fei yan zheng xing
J98.415|支气管囊肿|zhi qi guan nang zhong
J98.451|肺泡蜂窝综合征|fei pao feng wo zong he zheng
J98.452|肺疝|fei shan
J98.453|肺毒血症|fei du xue zheng
J98.454|肺病 NOS|fei bing
J98.455|肺石病|fei shi bing
J98.501|慢性纵隔炎|man xing zong ge yan
J98.502|纵隔疝|zong ge shan
J98.503|纵隔纤维化|zong ge xian wei hua
J98.504|急性纵隔炎|ji xing zong ge yan
J98.505|纵隔肿物|zong ge zhong wu
J98.506|纵隔阴影|zong ge yin ying
J98.551|纵隔感染|zong ge gan ran
J98.552|纵隔囊肿|zong ge nang zhong
J98.553|纵隔退缩|zong ge tui suo
J98.601|膈(横膈)膨升|ge heng ge peng sheng
J98.602|膈肌麻痹|ge ji ma bi
J98.603|横膈麻痹|heng ge ma bi
J98.651|膈肌囊肿|ge ji nang zhong
J98.652|膈麻痹|ge ma bi
J98.653|膈松弛|ge song chi
J98.801|鼻咽肿物|bi yan zhong wu
J98.802|呼吸道感染|hu xi dao gan ran
J98.803|呼吸道梗阻|hu xi dao geng zu
J98.804|胸部肿物|xiong bu zhong wu
J98.851|其他特指的呼吸性疾患|qi ta te zhi de hu xi xing ji huan
J98.901|胸腔占位性病变|xiong qiang zhan wei xing bing bian
J98.902|胸腔肿物|xiong qiang zhong wu
J98.951|慢性呼吸道感染|man xing hu xi dao gan ran
K00.051|牙齿发育不全|ya chi fa yu bu quan
K00.052|牙齿缺少|ya chi que shao
K00.101|多生齿|duo sheng chi
K00.151|鼻腔牙[异位牙额外齿]|bi qiang ya yi wei ya e wai chi
K00.201|巨齿|ju chi
K00.251|釉珠|you zhu
K00.252|磨牙旁额外牙结节|mo ya pang e wai ya jie jie
K00.253|长冠牙|chang guan ya
K00.254|钉状牙|ding zhuang ya
K00.255|小牙|xiao ya
K00.256|前突牙|qian tu ya
K00.257|结合牙|jie he ya
K00.258|融合牙|rong he ya
K00.259|双生牙|shuang sheng ya
K00.351|斑釉病(症)[氟斑牙、黄斑牙]|ban you bing zheng fu ban ya huang ban ya
K00.451|牙骨质缺失和发育不全|ya gu zhi que shi he fa yu bu quan
K00.452|弯曲牙|wan qu ya
K00.453|区域性牙体发育异常|qu yu xing ya ti fa yu yi chang
K00.454|特纳牙|te na ya
K00.551|牙发生不全|ya fa sheng bu quan
K00.552|牙釉质发生不全|ya you zhi fa sheng bu quan
K00.553|牙本质发育不全|ya ben zhi fa yu bu quan
K00.554|壳状牙|ke zhuang ya
K00.651|乳牙早发|ru ya zao fa
K00.652|初齿过早[乳牙]脱落|chu chi guo zao ru ya tuo luo
K00.653|牙过早萌出|ya guo zao meng chu
K00.654|保留[滞留]初齿|bao liu zhi liu chu chi
K00.701|出牙综合征|chu ya zong he zheng
K00.851|牙齿形成期间颜色改变|ya chi xing cheng qi jian yan se gai bian
K00.852|牙齿内在染色|ya chi nei zai ran se
K00.951|牙发生疾患|ya fa sheng ji huan
K01.051|埋伏牙|mai fu ya
K01.101|阻生齿|zu sheng chi
K02.051|牙白斑损害|ya bai ban sun hai
K02.052|牙釉质龋|ya you zhi qu
K02.151|牙本质龋|ya ben zhi qu
K02.251|牙骨质龋|ya gu zhi qu
K02.351|静止龋|jing zhi qu
K02.401|牙折断|ya zhe duan
K02.451|黑牙折断|hei ya zhe duan
K02.851|其他龋齿|qi ta qu chi
K02.901|龋齿|qu chi
K03.051|牙齿的邻面磨损|ya chi de lin mian mo sun
K03.151|牙齿楔状缺损|ya chi xie zhuang que sun
K03.152|传统性牙齿磨损|chuan tong xing ya chi mo sun
K03.153|宗教仪式性牙齿磨损|zong jiao yi shi xing ya chi mo sun
K03.154|职业性牙齿磨损|zhi ye xing ya chi mo sun
K03.155|习惯性牙齿磨损|xi guan xing ya chi mo sun
K03.156|净齿剂牙齿磨损|jing chi ji ya chi mo sun
K03.251|牙齿腐蚀|ya chi fu shi
K03.252|职业性牙齿腐蚀|zhi ye xing ya chi fu shi
K03.253|特发性牙齿腐蚀|te fa xing ya chi fu shi
K03.254|持续性呕吐引起的牙齿腐蚀|chi xu xing ou tu yin qi de ya chi fu shi
K03.255|药物和药剂引起的牙齿腐蚀|yao wu he yao ji yin qi de ya chi fu shi
K03.256|饮食引起的牙齿腐蚀|yin shi yin qi de ya chi fu shi
K03.351|牙髓内部肉芽肿|ya sui nei bu rou ya zhong
K03.352|牙齿吸收|ya chi xi shou
K03.451|牙骨质增生|ya gu zhi zeng sheng
K03.551|骨牙粘连|gu ya nian lian
K03.651|牙齿沉积物|ya chi chen ji wu
K03.652|龈上牙石|yin shang ya shi
K03.653|龈下牙石|yin xia ya shi
K03.751|辐射性牙釉质|fu she xing ya you zhi
K03.851|牙齿敏感症(牙本质过敏)|ya chi min gan zheng ya ben zhi guo min
K03.951|牙齿硬组织疾病 NOS|ya chi ying zu zhi ji bing
K04.001|化脓性牙髓炎|hua nong xing ya sui yan
K04.002|急性牙髓炎|ji xing ya sui yan
K04.003|慢性牙髓炎|man xing ya sui yan
K04.004|牙髓脓肿|ya sui nong zhong
K04.005|牙髓炎|ya sui yan
K04.051|牙脓肿|ya nong zhong
K04.052|牙髓息肉|ya sui xi rou
K04.151|牙髓坏死|ya sui huai si
K04.251|牙髓变性|ya sui bian xing
K04.351|不规则牙本质病|bu gui ze ya ben zhi bing
K04.401|急性根尖牙周炎|ji xing gen jian ya zhou yan
K04.501|根尖牙周炎|gen jian ya zhou yan
K04.502|根尖周肉芽肿|gen jian zhou rou ya zhong
K04.503|慢性根尖牙周炎|man xing gen jian ya zhou yan
K04.504|牙根肉芽肿|ya gen rou ya zhong
K04.601|根尖周围脓肿并脓窦|gen jian zhou wei nong zhong bing nong dou
K04.701|根尖脓肿|gen jian nong zhong
K04.702|根尖周脓肿|gen jian zhou nong zhong
K04.703|牙槽脓肿|ya cao nong zhong
K04.801|根端囊肿|gen duan nang zhong
K04.802|根尖囊肿|gen jian nang zhong
K04.951|根尖周组织疾患 NOS|gen jian zhou zu zhi ji huan
K04.952|牙髓疾患 NOS|ya sui ji huan
K05.001|急性龈炎|ji xing yin yan
K05.101|边缘性龈炎|bian yuan xing yin yan
K05.102|增生性牙龈炎|zeng sheng xing ya yin yan
K05.103|化脓性牙龈炎|hua nong xing ya yin yan
K05.104|溃疡性龈炎|kui yang xing yin yan
K05.105|牙龈炎|ya yin yan
K05.151|慢性牙龈炎|man xing ya yin yan
K05.152|龈口炎，白色皱襞性(口腔遗传性疾病)|yin kou yan bai se zhou bi xing kou qiang yi chuan xing ji bing
K05.153|龈乳头炎|yin ru tou yan
K05.154|剥脱性(脱屑性)龈炎|bao tuo xing tuo xie xing yin yan
K05.201|急性冠周炎|ji xing guan zhou yan
K05.202|牙冠周脓肿|ya guan zhou nong zhong
K05.203|牙龈脓肿|ya yin nong zhong
K05.204|牙周脓肿|ya zhou nong zhong
K05.251|牙周感染|ya zhou gan ran
K05.301|牙周炎|ya zhou yan
K05.302|慢性牙周炎|man xing ya zhou yan
K05.351|齿槽脓溢(边缘性牙周炎)[里格斯病]|chi cao nong yi bian yuan xing ya zhou yan li ge si bing
K05.451|牙周变性|ya zhou bian xing
K05.501|牙周病|ya zhou bing
K05.551|牙创伤症(牙周创伤或咬颌创伤)|ya chuang shang zheng ya zhou chuang shang huo yao he chuang shang
K06.051|牙龈退缩|ya yin tui suo
K06.101|牙龈增生|ya yin zeng sheng
K06.151|牙龈纤维瘤病|ya yin xian wei liu bing
K06.251|无牙牙槽嵴刺激性增生|wu ya ya cao ji ci ji xing zeng sheng
K06.801|巨细胞龈瘤|ju xi bao yin liu
K06.802|牙龈出血|ya yin chu xue
K06.803|牙龈溃疡|ya yin kui yang
K06.804|牙龈瘤|ya yin liu
K06.805|牙龈瘘管|ya yin lou guan
K06.806|牙龈息肉|ya yin xi rou
K06.851|纤维性牙龈瘤[牙龈象皮病]|xian wei xing ya yin liu ya yin xiang pi bing
K06.852|牙龈痛|ya yin tong
K06.853|牙周巨细胞性肉芽肿|ya zhou ju xi bao xing rou ya zhong
K06.951|龈痛(纤维性)|yin tong xian wei xing
K07.001|颌骨发育不全|he gu fa yu bu quan
K07.002|上颌骨纤维增生|shang he gu xian wei zeng sheng
K07.003|小颌畸形|xiao he ji xing
K07.051|颌骨增大症|he gu zeng da zheng
K07.101|颌骨不对称|he gu bu dui chen
K07.102|后缩颌(上、下颌)|hou suo he shang xia he
K07.103|前突颌|qian tu he
K07.104|上颌后缩、下颌前突|shang he hou suo xia he qian tu
K07.105|上颌前突|shang he qian tu
K07.106|上下颌前突畸形|shang xia he qian tu ji xing
K07.107|下颌前突|xia he qian tu
K07.151|下颌畸形|xia he ji xing
K07.201|反咬合|fan yao he
K07.202|后牙反咬合|hou ya fan yao he
K07.203|前牙反咬合|qian ya fan yao he
K07.204|前牙开|qian ya kai
K07.205|深覆合|shen fu he
K07.206|牙弓关系异常|ya gong guan xi yi chang
K07.251|牙弓中线偏离|ya gong zhong xian pian li
K07.252|近中合|jin zhong he
K07.253|下颌牙齿后部舌侧合|xia he ya chi hou bu she ce he
K07.301|牙齿错位|ya chi cuo wei
K07.302|牙列不齐|ya lie bu qi
K07.351|牙拥挤|ya yong ji
K07.352|牙扭转|ya niu zhuan
K07.353|牙间隙异常|ya jian xi yi chang
K07.401|错齿(咬合不正)|cuo chi yao he bu zheng
K07.551|舔舌、咬唇或吮指习惯引起的错合|tian she yao chun huo shun zhi xi guan yin qi de cuo he
K07.552|口呼吸引起的错合|kou hu xi yin qi de cuo he
K07.553|异常吞咽引起的错合|yi chang tun yan yin qi de cuo he
K07.554|颌面异常|he mian yi chang
K07.601|颞颌关节综合征[颞颌关节痛与功能障碍综合征]|nie he guan jie zong he zheng nie he guan jie tong yu gong neng zhang ai zong he zheng
K07.602|颞颌关节不正|nie he guan jie bu zheng
K07.603|颞下颌关节强直|nie xia he guan jie qiang zhi
K07.851|其他牙面畸形|qi ta ya mian ji xing
K07.901|颌骨后天畸形|he gu hou tian ji xing
K07.902|颌骨畸形|he gu ji xing
K07.903|颌骨先天畸形|he gu xian tian ji xing
K07.951|牙面畸形 NOS|ya mian ji xing
K08.051|全身性疾病引起的牙齿脱落|quan shen xing ji bing yin qi de ya chi tuo luo
K08.151|后天性牙齿缺失|hou tian xing ya chi que shi
K08.201|齿槽嵴萎缩|chi cao ji wei suo
K08.202|齿槽突萎缩|chi cao tu wei suo
K08.251|牙缺损牙槽嵴萎缩|ya que sun ya cao ji wei suo
K08.301|残冠|can guan
K08.302|残留齿根|can liu chi gen
K08.801|齿槽突不齐|chi cao tu bu qi
K08.802|齿槽突裂|chi cao tu lie
K08.803|牙槽出血|ya cao chu xue
K08.804|牙槽嵴裂|ya cao ji lie
K08.805|牙槽嵴裂隙|ya cao ji lie xi
K08.851|牙痛|ya tong
K08.951|牙齿及支持结构的疾患 NOS|ya chi ji zhi chi jie gou de ji huan
K09.001|颌含牙囊肿|he han ya nang zhong
K09.002|颌骨角化囊肿|he gu jiao hua nang zhong
K09.003|颌角化囊肿|he jiao hua nang zhong
K09.004|颌骨始基囊肿|he gu shi ji nang zhong
K09.005|颌骨牙源性囊肿|he gu ya yuan xing nang zhong
K09.051|牙龈囊肿|ya yin nang zhong
K09.101|腭骨囊肿|e gu nang zhong
K09.102|腭正中囊肿|e zheng zhong nang zhong
K09.103|球上颌囊肿|qiu shang he nang zhong
K09.201|颌骨囊肿|he gu nang zhong
K09.202|上颌骨囊肿|shang he gu nang zhong
K09.203|下颌骨囊肿|xia he gu nang zhong
K09.801|鼻唇囊肿|bi chun nang zhong
K09.802|口腔表皮样囊肿|kou qiang biao pi yang nang zhong
K09.803|口腔皮样囊肿|kou qiang pi yang nang zhong
K09.804|口腔粘液腺囊肿|kou qiang nian ye xian nang zhong
K09.851|爱泼斯坦小结|ai po si tan xiao jie
K09.852|颌骨非牙源性上皮样囊肿|he gu fei ya yuan xing shang pi yang nang zhong
K09.951|口腔囊肿 NOS|kou qiang nang zhong
K10.001|下颌隆凸|xia he long tu
K10.051|斯塔夫尼囊肿|si ta fu ni nang zhong
K10.052|颌的潜伏性骨囊肿|he de qian fu xing gu nang zhong
K10.101|颌骨恶性肉芽肿|he gu e xing rou ya zhong
K10.102|颌骨肉芽肿|he gu rou ya zhong
K10.103|颌下区肉芽肿|he xia qu rou ya zhong
K10.151|巨细胞肉芽肿|ju xi bao rou ya zhong
K10.201|颌骨放射性骨髓炎|he gu fang she xing gu sui yan
K10.202|颌骨骨髓炎|he gu gu sui yan
K10.203|颌骨骨炎|he gu gu yan
K10.204|颌骨慢性炎症|he gu man xing yan zheng
K10.205|颌骨死骨|he gu si gu
K10.206|颌骨炎性增生|he gu yan xing zeng sheng
K10.251|化脓性颌骨骨髓炎|hua nong xing he gu gu sui yan
K10.252|婴儿急性上颌窦骨髓炎|ying er ji xing shang he dou gu sui yan
K10.301|齿槽骨炎|chi cao gu yan
K10.302|干槽(症)|gan cao zheng
K10.801|腭后天畸形|e hou tian ji xing
K10.802|腭血肿|e xue zhong
K10.803|颌骨纤维性发育不良|he gu xian wei xing fa yu bu liang
K10.804|颌部瘤样纤维组织增生|he bu liu yang xian wei zu zhi zeng sheng
K10.805|颌骨骨纤维异样增殖|he gu gu xian wei yi yang zeng zhi
K10.806|颌骨骨质增生|he gu gu zhi zeng sheng
K10.807|上腭穿孔|shang e chuan kong
K10.851|颌骨外生骨疣|he gu wai sheng gu you
K10.901|颌骨肿物|he gu zhong wu
K10.951|颌的疾病 NOS|he de ji bing
K11.001|涎腺萎缩|xian xian wei suo
K11.101|颌下腺肥大|he xia xian fei da
K11.102|颌下腺良性增生|he xia xian liang xing zeng sheng
K11.103|腮腺肥大|sai xian fei da
K11.104|涎腺肥大|xian xian fei da
K11.201|非流行性腮腺炎性假瘤|fei liu xing xing sai xian yan xing jia liu
K11.202|颌下腺炎|he xia xian yan
K11.203|化脓性腮腺炎|hua nong xing sai xian yan
K11.204|急性化脓性腮腺炎|ji xing hua nong xing sai xian yan
K11.205|急性腮腺炎|ji xing sai xian yan
K11.206|慢性颌下腺炎|man xing he xia xian yan
K11.207|慢性腮腺炎|man xing sai xian yan
K11.208|慢性舌下腺炎|man xing she xia xian yan
K11.209|慢性涎腺炎|man xing xian xian yan
K11.210|涎腺炎|xian xian yan
K11.301|腮腺脓肿|sai xian nong zhong
K11.351|颌下腺脓肿|he xia xian nong zhong
K11.401|颌下腺瘘|he xia xian lou
K11.402|腮腺瘘|sai xian lou
K11.403|涎腺瘘管|xian xian lou guan
K11.501|颌下腺导管结石(涎石症)|he xia xian dao guan jie shi xian shi zheng
K11.502|腮腺导管结石|sai xian dao guan jie shi
K11.503|舌下管结石|she xia guan jie shi
K11.551|颌下腺导管结石(病)|he xia xian dao guan jie shi bing
K11.552|涎石病|xian shi bing
K11.553|斯滕森管结石[下颌腺管]|si teng sen guan jie shi xia he xian guan
K11.601|颌下腺囊肿|he xia xian nang zhong
K11.602|颌下腺粘液囊肿|he xia xian nian ye nang zhong
K11.603|腮腺囊肿|sai xian nang zhong
K11.604|舌下腺囊肿|she xia xian nang zhong
K11.605|涎腺粘液腺囊肿|xian xian nian ye xian nang zhong
K11.701|口干症|kou gan zheng
K11.751|唾液潴留|tuo ye zhu liu
K11.801|米库利奇病|mi ku li qi bing
K11.802|腮腺涎液潴留|sai xian xian ye zhu liu
K11.803|腮腺脂肪浸润|sai xian zhi fang jin run
K11.804|涎腺管扩张|xian xian guan kuo zhang
K11.805|涎腺良性淋巴上皮损害|xian xian liang xing lin ba shang pi sun hai
K11.851|颌下腺梗阻|he xia xian geng zu
K11.852|腮腺导管断裂|sai xian dao guan duan lie
K11.901|颌下肿物|he xia zhong wu
K11.902|腮腺区肿物|sai xian qu zhong wu
K11.903|涎腺肿物|xian xian zhong wu
K11.951|涎腺病|xian xian bing
K12.001|轻型[阿弗他]口疮|qing xing a fu ta kou chuang
K12.002|复发性阿弗他(口腔)溃疡|fu fa xing a fu ta kou qiang kui yang
K12.003|口疮|kou chuang
K12.004|口疮性咽峡炎|kou chuang xing yan xia yan
K12.005|疱疹样口炎|pao zhen yang kou yan
K12.051|复发性口炎|fu fa xing kou yan
K12.052|阿弗他口炎|a fu ta kou yan
K12.053|腺周口疮[复发性坏死性粘膜腺周围炎]|xian zhou kou chuang fu fa xing huai si xing nian mo xian zhou wei yan
K12.101|腭部溃疡|e bu kui yang
K12.102|过敏性口炎|guo min xing kou yan
K12.103|口腔感染|kou qiang gan ran
K12.104|口腔炎性肿块|kou qiang yan xing zhong kuai
K12.106|口腔炎|kou qiang yan
K12.107|溃疡性口炎|kui yang xing kou yan
K12.108|上腭炎性肿物|shang e yan xing zhong wu
K12.151|接触性口炎|jie chu xing kou yan
K12.152|膜性[球菌性口炎]口炎|mo xing qiu jun xing kou yan kou yan
K12.153|烟草性口炎|yan cao xing kou yan
K12.154|药物性口炎|yao wu xing kou yan
K12.155|义齿性口炎|yi chi xing kou yan
K12.156|小泡性口炎|xiao pao xing kou yan
K12.201|颌面间隙感染|he mian jian xi gan ran
K12.202|颌下感染(间隙)|he xia gan ran jian xi
K12.203|颌下瘘管|he xia lou guan
K12.204|颌下区感染|he xia qu gan ran
K12.205|颌下区瘘|he xia qu lou
K12.206|颊部瘘管|jia bu lou guan
K12.207|颊间隙感染|jia jian xi gan ran
K12.208|嚼肌间隙感染|jiao ji jian xi gan ran
K12.209|颏下区感染|ke xia qu gan ran
K12.210|口底蜂窝织炎|kou di feng wo zhi yan
K12.211|口腔瘘管|kou qiang lou guan
K12.212|口腔内脓肿|kou qiang nei nong zhong
K12.213|眶下间隙感染|kuang xia jian xi gan ran
K12.214|颞间隙感染|nie jian xi gan ran
K12.215|牙源性面部皮肤瘘管|ya yuan xing mian bu pi fu lou guan
K12.251|舌下间隙感染|she xia jian xi gan ran
K12.252|路德维希绞痛|lu de wei xi jiao tong
K12.253|颌下蜂窝织炎|he xia feng wo zhi yan
K13.001|传染性口角炎|chuan ran xing kou jiao yan
K13.002|唇部肿物|chun bu zhong wu
K13.003|唇肥厚|chun fei hou
K13.004|唇蜂窝织炎|chun feng wo zhi yan
K13.005|唇畸形|chun ji xing
K13.006|唇后天畸形|chun hou tian ji xing
K13.007|唇桨细胞性肉芽肿|chun jiang xi bao xing rou ya zhong
K13.008|唇皲裂|chun jun lie
K13.009|唇鳞状上皮增生|chun lin zhuang shang pi zeng sheng
K13.010|唇瘘|chun lou
K13.011|唇囊肿|chun nang zhong
K13.012|唇疼|chun teng
K13.013|唇炎|chun yan
K13.014|唇粘液囊肿|chun nian ye nang zhong
K13.015|口角炎|kou jiao yan
K13.016|烧伤后唇畸形|shao shang hou chun ji xing
K13.051|巨口疮[腺周口疮]|ju kou chuang xian zhou kou chuang
K13.052|感染性口角炎|gan ran xing kou jiao yan
K13.053|脓肿性腺性唇炎[贝尔茨氏病]|nong zhong xing xian xing chun yan bei er ci shi bing
K13.054|肉芽肿性唇炎[肥大性唇炎或巨口]|rou ya zhong xing chun yan fei da xing chun yan huo ju kou
K13.055|唇周溃疡|chun zhou kui yang
K13.151|颊或唇咬伤|jia huo chun yao shang
K13.201|腭白斑|e bai ban
K13.202|口腔粘膜白斑症|kou qiang nian mo bai ban zheng
K13.203|舌白斑|she bai ban
K13.351|毛状白斑|mao zhuang bai ban
K13.401|口腔粘膜恶性肉芽肿|kou qiang nian mo e xing rou ya zhong
K13.402|口腔粘膜肉芽肿|kou qiang nian mo rou ya zhong
K13.451|口腔粘膜的疣状黄瘤|kou qiang nian mo de you zhuang huang liu
K13.452|口腔粘膜的嗜酸性肉芽肿|kou qiang nian mo de shi suan xing rou ya zhong
K13.501|口腔粘膜纤维变性|kou qiang nian mo xian wei bian xing
K13.551|舌淋巴纤维组织增殖|she lin ba xian wei zu zhi zeng zhi
K13.552|舌粘膜下纤维变性|she nian mo xia xian wei bian xing
K13.601|腭增生症|e zeng sheng zheng
K13.602|颊部炎性增生|jia bu yan xing zeng sheng
K13.603|口腔粘膜增生|kou qiang nian mo zeng sheng
K13.651|口腔粘膜刺激性增生|kou qiang nian mo ci ji xing zeng sheng
K13.701|腭部疤痕组织|e bu ba hen zu zhi
K13.702|腭粘膜息肉|e nian mo xi rou
K13.703|腭粘膜炎症|e nian mo yan zheng
K13.704|颊沟后天畸形|jia gou hou tian ji xing
K13.705|后天性小口畸形|hou tian xing xiao kou ji xing
K13.706|颊部炎性假瘤|jia bu yan xing jia liu
K13.707|颊部炎症|jia bu yan zheng
K13.708|颊粘膜脓肿|jia nian mo nong zhong
K13.709|颊粘膜下慢性炎症|jia nian mo xia man xing yan zheng
K13.710|口腔内血管增生|kou qiang nei xue guan zeng sheng
K13.711|口腔粘膜出血|kou qiang nian mo chu xue
K13.712|口腔肿物|kou qiang zhong wu
K13.713|软腭肿瘤放疗后畸形|ruan e zhong liu fang liao hou ji xing
K13.714|烧伤后小口畸形|shao shang hou xiao kou ji xing
K13.715|下颌前庭沟过浅|xia he qian ting gou guo qian
K13.716|悬雍垂肥大|xuan yong chui fei da
K13.717|悬雍垂息肉|xuan yong chui xi rou
K13.718|翼钩过长|yi gou guo chang
K13.719|悬雍垂囊肿|xuan yong chui nang zhong
K13.751|口后天畸形|kou hou tian ji xing
K13.752|复发性口腔溃疡|fu fa xing kou qiang kui yang
K13.753|口腔粘膜病|kou qiang nian mo bing
K13.754|口腔粘膜溃疡|kou qiang nian mo kui yang
K13.755|口腔粘膜良性过度角化病[口腔厚上症]|kou qiang nian mo liang xing guo du jiao hua bing kou qiang hou shang zheng
K13.756|口腔粘膜血肿[创伤性血肿]|kou qiang nian mo xue zhong chuang shang xing xue zhong
K13.757|软腭麻痹|ruan e ma bi
K13.758|后天性悬壅垂过长|hou tian xing xuan yong chui guo chang
K14.001|舌溃疡|she kui yang
K14.002|舌脓肿|she nong zhong
K14.003|舌乳突炎|she ru tu yan
K14.004|舌炎|she yan
K14.005|舌炎性肿块|she yan xing zhong kuai
K14.051|舌下感染|she xia gan ran
K14.052|默勒舌炎[慢性舌乳头炎]|mo le she yan man xing she ru tou yan
K14.101|地图舌|di tu she
K14.102|移行性舌炎|yi xing xing she yan
K14.151|局限性剥脱性舌炎|ju xian xing bao tuo xing she yan
K14.152|良性游走性舌炎|liang xing you zou xing she yan
K14.251|正中菱形舌炎|zheng zhong ling xing she yan
K14.301|黑毛舌|hei mao she
K14.351|舌乳头肥大|she ru tou fei da
K14.352|舌苔|she tai
K14.401|舌乳头萎缩|she ru tou wei suo
K14.402|萎缩性舌炎|wei suo xing she yan
K14.501|裂缝舌|lie feng she
K14.601|舌痛|she tong
K14.801|舌出血|she chu xue
K14.802|舌肥大(后天性巨舌症)|she fei da hou tian xing ju she zheng
K14.803|舌尖瘘管|she jian lou guan
K14.804|舌良性过度角化症|she liang xing guo du jiao hua zheng
K14.805|舌淋巴组织增生|she lin ba zu zhi zeng sheng
K14.806|舌鳞状上皮增生|she lin zhuang shang pi zeng sheng
K14.807|舌囊肿|she nang zhong
K14.808|舌肉芽肿|she rou ya zhong
K14.809|舌萎缩|she wei suo
K14.810|舌异物|she yi wu
K14.851|舌下囊肿|she xia nang zhong
K14.901|舌肿物|she zhong wu
K14.951|舌疾病|she ji bing
K20.X01|贲门炎|ben men yan
K20.X02|出血性食管炎|chu xue xing shi guan yan
K20.X03|创伤性食管炎|chuang shang xing shi guan yan
K20.X04|化学性食管炎|hua xue xing shi guan yan
K20.X05|慢性食管炎|man xing shi guan yan
K20.X06|食管炎(急性)(慢性)(碱性)|shi guan yan ji xing man xing jian xing
K20.X07|手术后食管炎|shou shu hou shi guan yan
K20.X51|食管脓肿|shi guan nong zhong
K20.X52|剥脱性表浅性食管炎|bao tuo xing biao qian xing shi guan yan
K20.X53|表层脱落性食管炎[蜂窝组织炎性食管炎]|biao ceng tuo luo xing shi guan yan feng wo zu zhi yan xing shi guan yan
K20.X54|肉芽肿性食管炎|rou ya zhong xing shi guan yan
K21.001|反流性食管炎|fan liu xing shi guan yan
K21.901|贲门松驰|ben men song chi
K21.902|食管返流|shi guan fan liu
K22.001|贲门失弛缓(贲门痉挛)|ben men shi chi huan ben men jing luan
K22.101|贲门口糜烂|ben men kou mi lan
K22.102|贲门溃疡|ben men kui yang
K22.103|糜烂性食道炎|mi lan xing shi dao yan
K22.104|食管溃疡|shi guan kui yang
K22.105|食管糜烂|shi guan mi lan
K22.151|贲门溃疡伴急性出血|ben men kui yang ban ji xing chu xue
K22.152|巴雷特溃疡|ba lei te kui yang
K22.201|贲门梗阻|ben men geng zu
K22.202|创伤性食管狭窄|chuang shang xing shi guan xia zhai
K22.203|后天性食管狭窄|hou tian xing shi guan xia zhai
K22.204|食管梗阻|shi guan geng zu
K22.205|食管受压|shi guan shou ya
K22.206|食管狭窄|shi guan xia zhai
K22.207|手术后食道狭窄|shou shu hou shi dao xia zhai
K22.251|食管挛缩|shi guan luan suo
K22.301|食管穿孔|shi guan chuan kong
K22.401|食管运动障碍|shi guan yun dong zhang ai
K22.451|原发性弥漫性食管痉挛|yuan fa xing mi man xing shi guan jing luan
K22.452|食管痉挛|shi guan jing luan
K22.501|后天性食管憩室|hou tian xing shi guan qi shi
K22.502|食管憩室|shi guan qi shi
K22.601|马洛里-韦斯氏综合征[食管贲门粘膜裂伤]|ma luo li wei si shi zong he zheng shi guan ben men nian mo lie shang
K22.801|食管肠上皮化生|shi guan chang shang pi hua sheng
K22.802|食管出血|shi guan chu xue
K22.803|食管肌性肥厚|shi guan ji xing fei hou
K22.804|食管克隆氏病|shi guan ke long shi bing
K22.805|食管扩张|shi guan kuo zhang
K22.806|食管瘘|shi guan lou
K22.807|食管囊肿|shi guan nang zhong
K22.808|食管息肉|shi guan xi rou
K22.809|食管粘膜不典型增生|shi guan nian mo bu dian xing zeng sheng
K22.810|手术后食管瘘|shou shu hou shi guan lou
K22.851|食道白斑|shi dao bai ban
K22.901|食道功能不全|shi dao gong neng bu quan
K22.902|食管肿物|shi guan zhong wu
K25.001|急性胃溃疡伴出血|ji xing wei kui yang ban chu xue
K25.002|急性胃粘膜病变伴出血|ji xing wei nian mo bing bian ban chu xue
K25.051|迪厄拉富瓦溃疡[胃浅表性溃疡]|di e la fu wa kui yang wei qian biao xing kui yang
K25.101|急性胃溃疡伴穿孔|ji xing wei kui yang ban chuan kong
K25.151|急性胃穿孔|ji xing wei chuan kong
K25.201|急性胃溃疡伴出血和穿孔|ji xing wei kui yang ban chu xue he chuan kong
K25.301|急性胃溃疡|ji xing wei kui yang
K25.351|急性糜烂性胃炎|ji xing mi lan xing wei yan
K25.401|胃溃疡伴出血|wei kui yang ban chu xue
K25.402|幽门溃疡伴出血|you men kui yang ban chu xue
K25.501|胃溃疡伴穿孔|wei kui yang ban chuan kong
K25.502|幽门穿孔|you men chuan kong
K25.551|幽门溃疡伴穿孔|you men kui yang ban chuan kong
K25.552|胃溃疡穿孔|wei kui yang chuan kong
K25.553|胃溃疡穿孔伴腹膜炎|wei kui yang chuan kong ban fu mo yan
K25.701|慢性胃溃疡|man xing wei kui yang
K25.901|残胃溃疡|can wei kui yang
K25.903|胃溃疡|wei kui yang
K25.904|胃溃疡型假性淋巴瘤|wei kui yang xing jia xing lin ba liu
K25.905|幽门管溃疡|you men guan kui yang
K25.906|应激性胃溃疡|ying ji xing wei kui yang
K25.951|胃小弯溃疡|wei xiao wan kui yang
K26.001|急性十二指肠溃疡伴出血|ji xing shi er zhi chang kui yang ban chu xue
K26.002|急性十二指肠球部溃疡并出血|ji xing shi er zhi chang qiu bu kui yang bing chu xue
K26.101|急性十二指肠溃疡伴穿孔|ji xing shi er zhi chang kui yang ban chuan kong
K26.201|急性十二指肠溃疡伴出血和穿孔|ji xing shi er zhi chang kui yang ban chu xue he chuan kong
K26.301|急性十二指肠溃疡|ji xing shi er zhi chang kui yang
K26.401|十二指肠球部溃疡伴出血|shi er zhi chang qiu bu kui yang ban chu xue
K26.402|十二指肠溃疡伴出血|shi er zhi chang kui yang ban chu xue
K26.403|十二指肠糜烂出血|shi er zhi chang mi lan chu xue
K26.501|十二指肠溃疡伴穿孔|shi er zhi chang kui yang ban chuan kong
K26.502|十二指肠球部溃疡伴穿孔|shi er zhi chang qiu bu kui yang ban chuan kong
K26.551|十二指肠溃疡穿孔伴腹膜炎|shi er zhi chang kui yang chuan kong ban fu mo yan
K26.601|十二指肠溃疡伴穿孔和出血|shi er zhi chang kui yang ban chuan kong he chu xue
K26.651|慢性或未特指的十二指肠溃疡伴穿孔|man xing huo wei te zhi de shi er zhi chang kui yang ban chuan kong
K26.701|慢性十二指肠溃疡|man xing shi er zhi chang kui yang
K26.702|慢性十二指肠球部溃疡|man xing shi er zhi chang qiu bu kui yang
K26.901|十二指肠溃疡|shi er zhi chang kui yang
K26.902|十二指肠球部溃疡|shi er zhi chang qiu bu kui yang
K27.051|急性胃十二指肠溃疡伴出血|ji xing wei shi er zhi chang kui yang ban chu xue
K27.101|上消化道溃疡穿孔|shang xiao hua dao kui yang chuan kong
K27.102|消化性溃疡伴急性穿孔|xiao hua xing kui yang ban ji xing chuan kong
K27.151|急性胃十二指肠溃疡伴穿孔|ji xing wei shi er zhi chang kui yang ban chuan kong
K27.251|上消化道溃疡出血和穿孔|shang xiao hua dao kui yang chu xue he chuan kong
K27.252|急性胃十二指肠溃疡伴穿孔出血|ji xing wei shi er zhi chang kui yang ban chuan kong chu xue
K27.253|急性消化性溃疡伴出血及穿孔(胃及十二指肠溃疡)|ji xing xiao hua xing kui yang ban chu xue ji chuan kong wei ji shi er zhi chang kui yang
K27.351|急性胃十二指肠溃疡|ji xing wei shi er zhi chang kui yang
K27.401|多发性溃疡伴出血|duo fa xing kui yang ban chu xue
K27.402|胃十二指肠溃疡伴出血|wei shi er zhi chang kui yang ban chu xue
K27.403|应激性溃疡伴出血|ying ji xing kui yang ban chu xue
K27.404|应激性消化道出血|ying ji xing xiao hua dao chu xue
K27.451|消化性溃疡伴出血|xiao hua xing kui yang ban chu xue
K27.452|溃疡病的呕血|kui yang bing de ou xue
K27.501|溃疡病穿孔|kui yang bing chuan kong
K27.502|胃十二指肠溃疡伴穿孔|wei shi er zhi chang kui yang ban chuan kong
K27.503|消化道穿孔|xiao hua dao chuan kong
K27.504|应激性溃疡伴穿孔|ying ji xing kui yang ban chuan kong
K27.551|慢性胃十二指肠溃疡伴穿孔|man xing wei shi er zhi chang kui yang ban chuan kong
K27.651|慢性胃十二指肠溃疡伴穿孔出血|man xing wei shi er zhi chang kui yang ban chuan kong chu xue
K27.751|慢性胃十二指肠溃疡|man xing wei shi er zhi chang kui yang
K27.901|多发性复合性溃疡病|duo fa xing fu he xing kui yang bing
K27.902|复合性溃疡|fu he xing kui yang
K27.904|胃十二指肠溃疡[消化性溃疡]|wei shi er zhi chang kui yang xiao hua xing kui yang
K27.905|应激性溃疡|ying ji xing kui yang
K28.051|胃肠吻合口溃疡伴出血|wei chang wen he kou kui yang ban chu xue
K28.151|急性空肠溃疡伴穿孔|ji xing kong chang kui yang ban chuan kong
K28.401|胃肠吻合口溃疡出血|wei chang wen he kou kui yang chu xue
K28.501|胃肠吻合口溃疡穿孔|wei chang wen he kou kui yang chuan kong
K28.701|慢性胃吻合口炎|man xing wei wen he kou yan
K28.901|食管空肠吻合口炎|shi guan kong chang wen he kou yan
K28.902|胃肠吻合口溃疡|wei chang wen he kou kui yang
K29.001|急性出血性胃炎|ji xing chu xue xing wei yan
K29.051|急性出血性胃肠炎|ji xing chu xue xing wei chang yan
K29.101|急性胃炎|ji xing wei yan
K29.251|酒精性胃炎[门内特里尔氏综合征]|jiu jing xing wei yan men nei te li er shi zong he zheng
K29.301|慢性红斑性胃(窦)炎|man xing hong ban xing wei dou yan
K29.302|慢性浅表性胃窦炎|man xing qian biao xing wei dou yan
K29.303|慢性浅表性胃炎|man xing qian biao xing wei yan
K29.304|慢性浅表性疣状胃炎|man xing qian biao xing you zhuang wei yan
K29.401|慢性萎缩性胃炎|man xing wei suo xing wei yan
K29.402|萎缩性胃炎|wei suo xing wei yan
K29.451|慢性萎缩性胃炎伴慢性出血|man xing wei suo xing wei yan ban man xing chu xue
K29.501|慢性胃窦炎|man xing wei dou yan
K29.502|慢性胃炎|man xing wei yan
K29.601|肥厚性胃炎|fei hou xing wei yan
K29.602|门内特里尔氏病[胃巨皱襞症]|men nei te li er shi bing wei ju zhou bi zheng
K29.603|糜烂性胃炎|mi lan xing wei yan
K29.604|胃粘膜肥厚|wei nian mo fei hou
K29.605|药物性胃炎|yao wu xing wei yan
K29.651|变应性胃炎|bian ying xing wei yan
K29.652|胆汁反流性胃炎|dan zhi fan liu xing wei yan
K29.653|化学性胃炎|hua xue xing wei yan
K29.654|肉芽肿性胃炎|rou ya zhong xing wei yan
K29.655|梅内特里耶病或梅内特里耶综合征|mei nei te li ye bing huo mei nei te li ye zong he zheng
K29.656|胃巨黏膜症|wei ju nian mo zheng
K29.701|反流性胃炎|fan liu xing wei yan
K29.702|胃窦炎|wei dou yan
K29.703|胃炎|wei yan
K29.704|胃炎性假瘤|wei yan xing jia liu
K29.705|应激性胃炎|ying ji xing wei yan
K29.706|幽门炎|you men yan
K29.707|疣状胃(胃窦)炎|you zhuang wei wei dou yan
K29.801|十二指肠球部炎|shi er zhi chang qiu bu yan
K29.802|十二指肠炎|shi er zhi chang yan
K29.851|十二指肠周炎|shi er zhi chang zhou yan
K29.901|胃十二指肠炎 NOS|wei shi er zhi chang yan
K30.X01|肠消化不良|chang xiao hua bu liang
K30.X02|消化不良|xiao hua bu liang
K31.001|急性胃扩张|ji xing wei kuo zhang
K31.002|手术后急性胃扩张|shou shu hou ji xing wei kuo zhang
K31.101|幽门肥大|you men fei da
K31.102|幽门梗阻(成人)|you men geng zu cheng ren
K31.104|幽门狭窄 NOS|you men xia zhai
K31.151|瘢痕性幽门梗阻|ban hen xing you men geng zu
K31.152|肥大性幽门狭窄|fei da xing you men xia zhai
K31.251|胃沙漏状狭窄|wei sha lou zhuang xia zhai
K31.301|幽门痉挛|you men jing luan
K31.451|胃憩室|wei qi shi
K31.501|十二指肠梗阻|shi er zhi chang geng zu
K31.502|十二指肠受压|shi er zhi chang shou ya
K31.503|十二指肠淤积|shi er zhi chang yu ji
K31.504|十二指肠狭窄|shi er zhi chang xia zhai
K31.551|慢性十二指肠梗阻|man xing shi er zhi chang geng zu
K31.552|十二指肠停滞|shi er zhi chang ting zhi
K31.601|十二指肠瘘|shi er zhi chang lou
K31.602|手术后食管胃瘘|shou shu hou shi guan wei lou
K31.603|手术后胃大肠瘘|shou shu hou wei da chang lou
K31.604|手术后胃瘘|shou shu hou wei lou
K31.605|手术后胃小肠瘘|shou shu hou wei xiao chang lou
K31.606|胃空肠结肠瘘|wei kong chang jie chang lou
K31.651|胃结肠瘘|wei jie chang lou
K31.701|胃息肉|wei xi rou
K31.801|低张力胃|di zhang li wei
K31.802|葫芦状胃(沙漏状胃痉挛)|hu lu zhuang wei sha lou zhuang wei jing luan
K31.803|急性胃粘膜病变|ji xing wei nian mo bing bian
K31.805|十二指肠白点征|shi er zhi chang bai dian zheng
K31.806|十二指肠球部变形|shi er zhi chang qiu bu bian xing
K31.807|十二指肠球部息肉|shi er zhi chang qiu bu xi rou
K31.808|十二指肠息肉|shi er zhi chang xi rou
K31.809|胃肠粘膜病变|wei chang nian mo bing bian
K31.810|胃黄色斑|wei huang se ban
K31.811|胃假性淋巴瘤|wei jia xing lin ba liu
K31.812|胃结石|wei jie shi
K31.813|胃痉挛|wei jing luan
K31.814|胃麻痹|wei ma bi
K31.815|胃囊肿|wei nang zhong
K31.816|胃扭转|wei niu zhuan
K31.817|胃排空梗阻|wei pai kong geng zu
K31.818|胃破裂|wei po lie
K31.819|胃酸过多[罗斯巴赫氏病]|wei suan guo duo luo si ba he shi bing
K31.820|胃酸缺乏|wei suan que fa
K31.821|胃下垂|wei xia chui
K31.822|胃腺体增生|wei xian ti zeng sheng
K31.823|胃粘膜病变|wei nian mo bing bian
K31.824|胃粘膜脱垂|wei nian mo tuo chui
K31.825|胃皱襞|wei zhou bi
K31.826|胃潴留|wei zhu liu
K31.851|胃病|wei bing
K31.852|胃肠痉挛|wei chang jing luan
K31.853|胃毒血症|wei du xue zheng
K31.854|胃机能紊乱|wei ji neng wen luan
K31.856|痉挛性胃炎|jing luan xing wei yan
K31.857|嗜酸细胞性胃炎|shi suan xi bao xing wei yan
K31.858|十二指肠扭转|shi er zhi chang niu zhuan
K31.859|葫芦胃狭窄|hu lu wei xia zhai
K31.901|十二指肠肿物|shi er zhi chang zhong wu
K31.902|胃占位病变|wei zhan wei bing bian
K31.951|胃肠功能紊乱|wei chang gong neng wen luan
K31.952|胃功能障碍|wei gong neng zhang ai
K35.001|急性化脓性阑尾炎伴穿孔|ji xing hua nong xing lan wei yan ban chuan kong
K35.002|急性阑尾炎伴穿孔|ji xing lan wei yan ban chuan kong
K35.003|急性阑尾炎伴腹膜炎|ji xing lan wei yan ban fu mo yan
K35.004|阑尾破裂|lan wei po lie
K35.051|阑尾穿孔|lan wei chuan kong
K35.052|急性化脓性阑尾穿孔伴腹膜炎|ji xing hua nong xing lan wei chuan kong ban fu mo yan
K35.053|阑尾炎后腹膜炎|lan wei yan hou fu mo yan
K35.102|急性化脓性阑尾炎伴阑尾周围炎|ji xing hua nong xing lan wei yan ban lan wei zhou wei yan
K35.103|急性化脓性阑尾炎伴周围脓肿|ji xing hua nong xing lan wei yan ban zhou wei nong zhong
K35.104|急性阑尾炎伴腹膜脓肿|ji xing lan wei yan ban fu mo nong zhong
K35.105|阑尾脓肿|lan wei nong zhong
K35.106|阑尾炎伴脓肿|lan wei yan ban nong zhong
K35.107|阑尾周围脓肿|lan wei zhou wei nong zhong
K35.108|盲肠脓肿|mang chang nong zhong
K35.151|急性阑尾炎伴脓肿|ji xing lan wei yan ban nong zhong
K35.901|急性坏疽性阑尾炎|ji xing huai ju xing lan wei yan
K35.902|急性阑尾炎|ji xing lan wei yan
K35.903|急性阑尾炎及阑尾周围炎|ji xing lan wei yan ji lan wei zhou wei yan
K35.951|急性化脓性阑尾炎|ji xing hua nong xing lan wei yan
K36.X01|复发性(梗阻性)阑尾炎|fu fa xing geng zu xing lan wei yan
K36.X02|慢性阑尾炎|man xing lan wei yan
K36.X03|亚急性阑尾炎|ya ji xing lan wei yan
K36.X51|继发性阑尾炎|ji fa xing lan wei yan
K36.X52|老年性阑尾炎|lao nian xing lan wei yan
K36.X53|妊娠期阑尾炎|ren shen qi lan wei yan
K36.X54|异位阑尾炎|yi wei lan wei yan
K37.X01|阑尾炎|lan wei yan
K37.X02|阑尾周围炎|lan wei zhou wei yan
K37.X03|盲肠炎|mang chang yan
K37.X51|阑尾残端炎|lan wei can duan yan
K38.051|阑尾组织增生|lan wei zu zhi zeng sheng
K38.101|阑尾结石|lan wei jie shi
K38.251|阑尾憩室|lan wei qi shi
K38.301|阑尾瘘|lan wei lou
K38.801|闭锁性阑尾|bi suo xing lan wei
K38.802|阑尾囊肿|lan wei nang zhong
K38.851|阑尾套叠|lan wei tao die
K38.951|阑尾包块|lan wei bao kuai
K40.051|双侧腹股沟疝伴梗阻|shuang ce fu gu gou shan ban geng zu
K40.151|双侧腹股沟疝伴坏疽|shuang ce fu gu gou shan ban huai ju
K40.251|双侧腹股沟疝|shuang ce fu gu gou shan
K40.301|绞窄性腹股沟疝(单侧)|jiao zhai xing fu gu gou shan dan ce
K40.302|难复性腹股沟疝(单侧)|nan fu xing fu gu gou shan dan ce
K40.303|嵌顿性腹股沟疝(单侧)|qian dun xing fu gu gou shan dan ce
K40.304|嵌顿性腹股沟疝伴梗阻(单侧)|qian dun xing fu gu gou shan ban geng zu dan ce
K40.451|坏疽性腹股沟疝|huai ju xing fu gu gou shan
K40.901|腹股沟环松弛|fu gu gou huan song chi
K40.902|腹股沟疝(单侧)|fu gu gou shan dan ce
K40.903|腹股沟斜疝(单侧)|fu gu gou xie shan dan ce
K40.904|腹股沟直疝(单侧)|fu gu gou zhi shan dan ce
K40.951|腹外疝|fu wai shan
K40.952|阴囊疝|yin nang shan
K41.051|双侧股疝伴梗阻|shuang ce gu shan ban geng zu
K41.151|双侧股疝伴坏疽|shuang ce gu shan ban huai ju
K41.251|双侧股疝不伴梗阻和坏疽|shuang ce gu shan bu ban geng zu he huai ju
K41.301|嵌顿性股疝|qian dun xing gu shan
K41.302|绞窄性股疝(单侧)|jiao zhai xing gu shan dan ce
K41.351|单侧股疝伴梗阻不伴坏疽|dan ce gu shan ban geng zu bu ban huai ju
K41.451|股疝伴坏疽|gu shan ban huai ju
K41.901|股疝|gu shan
K41.951|黑塞尔巴赫疝[筛筋膜疝]|hei sai er ba he shan shai jin mo shan
K42.001|脐疝伴梗阻|qi shan ban geng zu
K42.151|坏疽性脐疝|huai ju xing qi shan
K42.901|脐旁疝|qi pang shan
K42.902|脐疝|qi shan
K43.001|腹嵌顿疝|fu qian dun shan
K43.002|腹疝(切口疝)并梗阻|fu shan qie kou shan bing geng zu
K43.051|肠系膜疝伴梗阻|chang xi mo shan ban geng zu
K43.052|腹白线疝梗阻|fu bai xian shan geng zu
K43.151|坏疽性腹疝|huai ju xing fu shan
K43.152|白线疝坏疽|bai xian shan huai ju
K43.901|腹白线疝|fu bai xian shan
K43.902|腹壁疝(切口疝)|fu bi shan qie kou shan
K43.903|腹疝|fu shan
K43.951|半月线疝[自发性侧腹壁疝]|ban yue xian shan zi fa xing ce fu bi shan
K44.051|膈疝伴梗阻不伴坏疽|ge shan ban geng zu bu ban huai ju
K44.052|裂孔疝梗阻|lie kong shan geng zu
K44.151|坏疽性膈疝|huai ju xing ge shan
K44.152|裂孔疝坏疽|lie kong shan huai ju
K44.901|膈疝|ge shan
K44.902|食道裂孔疝|shi dao lie kong shan
K45.051|绞窄性腹疝伴梗阻不伴坏疽|jiao zhai xing fu shan ban geng zu bu ban huai ju
K45.151|腹嵌顿疝伴坏疽|fu qian dun shan ban huai ju
K45.801|闭孔疝|bi kong shan
K45.803|腰疝|yao shan
K45.851|阑尾(切口疝)|lan wei qie kou shan
K45.852|腹内疝(肠疝)|fu nei shan chang shan
K45.853|坐骨大孔疝|zuo gu da kong shan
K45.854|坐骨直肠疝|zuo gu zhi chang shan
K46.001|绞窄性小肠疝|jiao zhai xing xiao chang shan
K46.002|腹内疝伴肠梗阻|fu nei shan ban chang geng zu
K46.051|逆行性嵌顿疝不伴坏疽|ni xing xing qian dun shan bu ban huai ju
K46.151|腹部疝伴坏疽|fu bu shan ban huai ju
K46.901|肠系膜裂孔疝|chang xi mo lie kong shan
K46.902|腹内疝|fu nei shan
K46.903|输入袢内疝|shu ru pan nei shan
K46.904|网膜裂孔疝|wang mo lie kong shan
K46.905|小肠疝|xiao chang shan
K46.951|特赖茨(窝)[十二指肠上隐窝疝]|te lai ci wo shi er zhi chang shang yin wo shan
K46.952|库珀疝|ku po shan
K46.953|里厄疝[盲肠后疝]|li e shan mang chang hou shan
K46.954|里希特疝[肠壁疝]|li xi te shan chang bi shan
K46.955|利特雷疝[憩室疝]|li te lei shan qi shi shan
K46.956|其他腹腔疝未提及梗阻或坏疽|qi ta fu qiang shan wei ti ji geng zu huo huai ju
K46.957|闭孔疝(腹的)|bi kong shan fu de
K46.958|肠疝|chang shan
K46.959|韦尔波疝[股血管前股疝]|wei er bo shan gu xue guan qian gu shan
K50.001|末端性回肠炎|mo duan xing hui chang yan
K50.002|小肠节段性肠炎(十二指肠，回肠或空肠)[小肠克隆氏病]|xiao chang jie duan xing chang yan shi er zhi chang hui chang huo kong chang xiao chang ke long shi bing
K50.101|大肠克隆氏病[大肠节段性肠炎]|da chang ke long shi bing da chang jie duan xing chang yan
K50.102|结肠克隆氏病[结肠节段性肠炎]|jie chang ke long shi bing jie chang jie duan xing chang yan
K50.103|肉芽肿性结肠炎|rou ya zhong xing jie chang yan
K50.104|直肠节段性肠炎[直肠克隆氏病]|zhi chang jie duan xing chang yan zhi chang ke long shi bing
K50.851|大肠和小肠克罗恩病脓肿[节段性肠炎]|da chang he xiao chang ke luo en bing nong zhong jie duan xing chang yan
K50.901|节段性肠炎[克隆氏病]|jie duan xing chang yan ke long shi bing
K50.902|节段性肠炎性关节病|jie duan xing chang yan xing guan jie bing
K51.051|溃疡性(慢性)小肠结肠炎|kui yang xing man xing xiao chang jie chang yan
K51.151|溃疡性慢性回肠结肠炎|kui yang xing man xing hui chang jie chang yan
K51.251|慢性溃疡性直肠炎|man xing kui yang xing zhi chang yan
K51.351|溃疡性(慢性)直肠乙状结肠炎|kui yang xing man xing zhi chang yi zhuang jie chang yan
K51.401|结肠假息肉病|jie chang jia xi rou bing
K51.551|粘膜性直肠结肠炎|nian mo xing zhi chang jie chang yan
K51.851|其他溃疡性结肠炎|qi ta kui yang xing jie chang yan
K51.901|溃疡性肠炎|kui yang xing chang yan
K51.902|溃疡性结肠炎 NOS|kui yang xing jie chang yan
K51.903|溃疡性结肠炎性关节病|kui yang xing jie chang yan xing guan jie bing
K52.001|放射性肠炎|fang she xing chang yan
K52.051|放射性胃肠炎|fang she xing wei chang yan
K52.052|放射性结肠炎|fang she xing jie chang yan
K52.101|中毒性腹泻|zhong du xing fu xie
K52.151|中毒性肠炎|zhong du xing chang yan
K52.152|中毒性结肠炎|zhong du xing jie chang yan
K52.153|中毒性胃肠炎|zhong du xing wei chang yan
K52.201|过敏性肠炎|guo min xing chang yan
K52.202|过敏性腹泻|guo min xing fu xie
K52.203|过敏性结肠炎|guo min xing jie chang yan
K52.204|胃肠道过敏症|wei chang dao guo min zheng
K52.205|饮食性腹泻|yin shi xing fu xie
K52.251|饮食性胃肠炎|yin shi xing wei chang yan
K52.801|嗜酸粒细胞性胃肠炎|shi suan li xi bao xing wei chang yan
K52.802|药物相关性肠炎|yao wu xiang guan xing chang yan
K52.803|胰源性腹泻|yi yuan xing fu xie
K52.851|假膜性结肠炎|jia mo xing jie chang yan
K52.901|肠炎|chang yan
K52.902|出血性结肠炎|chu xue xing jie chang yan
K52.903|非感染性腹泻|fei gan ran xing fu xie
K52.904|腹泻|fu xie
K52.905|急性肠炎|ji xing chang yan
K52.906|急性出血性肠炎|ji xing chu xue xing chang yan
K52.907|急性结肠炎|ji xing jie chang yan
K52.908|急性胃肠炎|ji xing wei chang yan
K52.909|结肠炎|jie chang yan
K52.910|流行性肠炎|liu xing xing chang yan
K52.911|慢性肠炎|man xing chang yan
K52.912|慢性腹泻|man xing fu xie
K52.913|慢性结肠炎|man xing jie chang yan
K52.914|慢性胃肠炎|man xing wei chang yan
K52.915|脓毒性肠炎|nong du xing chang yan
K52.916|秋季腹泻|qiu ji fu xie
K52.917|伪膜性肠炎|wei mo xing chang yan
K52.918|胃肠炎(出血性)(急性)|wei chang yan chu xue xing ji xing
K52.919|小儿肠炎|xiao er chang yan
K52.920|乙状结肠炎|yi zhuang jie chang yan
K52.921|婴儿肠炎|ying er chang yan
K52.922|婴儿或新生儿腹泻|ying er huo xin sheng er fu xie
K52.923|幼儿腹泻(夏季腹泻)|you er fu xie xia ji fu xie
K52.951|伪膜性结肠炎|wei mo xing jie chang yan
K52.952|分泌性腹泻|fen mi xing fu xie
K52.953|混合型腹泻|hun he xing fu xie
K52.954|流行性腹泻|liu xing xing fu xie
K52.955|新生儿流行性腹泻|xin sheng er liu xing xing fu xie
K55.001|肠坏疽|chang huai ju
K55.002|肠坏死|chang huai si
K55.003|肠系膜动脉栓塞|chang xi mo dong mai shuan se
K55.004|肠系膜动脉栓塞伴肠坏死|chang xi mo dong mai shuan se ban chang huai si
K55.005|肠系膜动脉狭窄|chang xi mo dong mai xia zhai
K55.006|肠系膜坏疽|chang xi mo huai ju
K55.007|肠系膜静脉血栓形成|chang xi mo jing mai xue shuan xing cheng
K55.008|肠系膜静脉血栓形成伴肠坏死|chang xi mo jing mai xue shuan xing cheng ban chang huai si
K55.009|出血性肠梗塞|chu xue xing chang geng se
K55.051|缺血性肠病|que xue xing chang bing
K55.052|出血性肠坏死|chu xue xing chang huai si
K55.053|肠系膜上动脉综合征|chang xi mo shang dong mai zong he zheng
K55.054|出血性肠炎|chu xue xing chang yan
K55.055|网膜坏死|wang mo huai si
K55.101|肠道慢性缺血性综合征|chang dao man xing que xue xing zong he zheng
K55.102|肠系膜动脉供血不足|chang xi mo dong mai gong xue bu zu
K55.103|肠系膜动脉硬化|chang xi mo dong mai ying hua
K55.104|肠系膜上动脉综合征[十二指肠血管压迫综征]|chang xi mo shang dong mai zong he zheng shi er zhi chang xue guan ya po zong zheng
K55.151|肠道血管机能不全|chang dao xue guan ji neng bu quan
K55.152|肠缺血性狭窄|chang que xue xing xia zhai
K55.153|慢性缺血性结肠炎|man xing que xue xing jie chang yan
K55.251|结肠血管发育异常|jie chang xue guan fa yu yi chang
K55.801|肠系膜动脉炎|chang xi mo dong mai yan
K55.802|结肠血管扩张|jie chang xue guan kuo zhang
K55.803|十二指肠动脉破裂|shi er zhi chang dong mai po lie
K55.805|小肠毛细血管扩张|xiao chang mao xi xue guan kuo zhang
K55.851|肠血管畸形|chang xue guan ji xing
K55.852|肠血管增生|chang xue guan zeng sheng
K55.901|局限性缺血性肠病|ju xian xing que xue xing chang bing
K55.902|缺血性肠炎 NOS|que xue xing chang yan
K55.951|肠缺血综合征|chang que xue zong he zheng
K56.001|肠麻痹|chang ma bi
K56.002|麻痹性肠梗阻|ma bi xing chang geng zu
K56.051|无力性肠梗阻|wu li xing chang geng zu
K56.052|大肠麻痹|da chang ma bi
K56.053|小肠麻痹|xiao chang ma bi
K56.054|结肠麻痹|jie chang ma bi
K56.101|肠套叠|chang tao die
K56.151|结肠套叠|jie chang tao die
K56.152|小肠套叠|xiao chang tao die
K56.153|直肠套叠|zhi chang tao die
K56.154|大肠套叠|da chang tao die
K56.201|肠绞窄|chang jiao zhai
K56.202|肠扭转|chang niu zhuan
K56.203|绞窄性肠梗阻|jiao zhai xing chang geng zu
K56.251|肠梗阻伴扭转|chang geng zu ban niu zhuan
K56.252|结肠纽结|jie chang niu jie
K56.253|乙状结肠扭转|yi zhuang jie chang niu zhuan
K56.351|胆石性肠梗阻|dan shi xing chang geng zu
K56.402|肠结石|chang jie shi
K56.451|肠粪嵌塞或便结|chang fen qian sai huo bian jie
K56.452|肠石病(嵌塞)|chang shi bing qian sai
K56.453|回肠结石|hui chang jie shi
K56.501|肠梗阻伴粘连|chang geng zu ban nian lian
K56.551|腹膜粘连伴肠梗阻|fu mo nian lian ban chang geng zu
K56.601|肠绞窄坏死|chang jiao zhai huai si
K56.602|肠狭窄|chang xia zhai
K56.603|机械性肠梗阻|ji xie xing chang geng zu
K56.604|急性肠梗阻|ji xing chang geng zu
K56.605|痉挛性肠梗阻(假性肠梗阻)|jing luan xing chang geng zu jia xing chang geng zu
K56.651|肠坏疽伴梗阻|chang huai ju ban geng zu
K56.652|莱恩纽结|lai en niu jie
K56.653|上消化道梗阻|shang xiao hua dao geng zu
K56.654|乙状结肠狭窄|yi zhuang jie chang xia zhai
K56.701|不完全性肠梗阻|bu wan quan xing chang geng zu
K56.702|肠梗阻|chang geng zu
K57.001|十二指肠憩室伴穿孔|shi er zhi chang qi shi ban chuan kong
K57.051|十二指肠憩室伴出血|shi er zhi chang qi shi ban chu xue
K57.052|小肠憩室病伴有腹膜炎|xiao chang qi shi bing ban you fu mo yan
K57.053|小肠憩室病伴有穿孔和脓肿|xiao chang qi shi bing ban you chuan kong he nong zhong
K57.101|回盲部憩室|hui mang bu qi shi
K57.102|空肠憩室|kong chang qi shi
K57.103|空肠憩室炎|kong chang qi shi yan
K57.104|十二指肠憩室炎|shi er zhi chang qi shi yan
K57.105|小肠憩室|xiao chang qi shi
K57.106|小肠憩室炎|xiao chang qi shi yan
K57.151|空肠憩室不伴有穿孔或脓肿|kong chang qi shi bu ban you chuan kong huo nong zhong
K57.152|空肠憩室炎不伴有穿孔或脓肿|kong chang qi shi yan bu ban you chuan kong huo nong zhong
K57.153|回肠憩室不伴有穿孔或脓肿|hui chang qi shi bu ban you chuan kong huo nong zhong
K57.154|十二指肠憩室不伴有穿孔或脓肿|shi er zhi chang qi shi bu ban you chuan kong huo nong zhong
K57.155|十二指肠憩室炎不伴有穿孔或脓肿|shi er zhi chang qi shi yan bu ban you chuan kong huo nong zhong
K57.251|结肠憩室病伴有腹膜炎|jie chang qi shi bing ban you fu mo yan
K57.252|大肠憩室病伴有穿孔和脓肿|da chang qi shi bing ban you chuan kong he nong zhong
K57.301|结肠憩室|jie chang qi shi
K57.302|结肠憩室炎|jie chang qi shi yan
K57.303|盲肠憩室|mang chang qi shi
K57.304|盲肠憩室炎|mang chang qi shi yan
K57.305|直肠憩室|zhi chang qi shi
K57.351|直肠(乙状结肠)憩室不伴有穿孔或脓肿|zhi chang yi zhuang jie chang qi shi bu ban you chuan kong huo nong zhong
K57.352|结肠憩室不伴有穿孔或脓肿|jie chang qi shi bu ban you chuan kong huo nong zhong
K57.353|大肠憩室不伴有穿孔或脓肿|da chang qi shi bu ban you chuan kong huo nong zhong
K57.451|小肠和大肠憩室病伴有穿孔和脓肿|xiao chang he da chang qi shi bing ban you chuan kong he nong zhong
K57.452|小肠和大肠憩室病伴有伴腹膜炎|xiao chang he da chang qi shi bing ban you ban fu mo yan
K57.551|小肠憩室不伴有穿孔或脓肿|xiao chang qi shi bu ban you chuan kong huo nong zhong
K57.552|小肠憩室炎不伴有穿孔或脓肿|xiao chang qi shi yan bu ban you chuan kong huo nong zhong
K57.851|肠憩室病伴有伴腹膜炎|chang qi shi bing ban you ban fu mo yan
K57.852|肠憩室病伴有穿孔和脓肿 NOS|chang qi shi bing ban you chuan kong he nong zhong
K57.951|消化道憩室 NOS|xiao hua dao qi shi
K57.952|肠憩室|chang qi shi
K57.953|肠憩室病不伴有穿孔和脓肿 NOS|chang qi shi bing bu ban you chuan kong he nong zhong
K58.051|过敏性大肠综合征伴腹泻|guo min xing da chang zong he zheng ban fu xie
K58.901|过敏性结肠(痉挛性结肠炎，粘液性结肠炎)|guo min xing jie chang jing luan xing jie chang yan nian ye xing jie chang yan
K58.902|肠痉挛|chang jing luan
K58.903|痉挛性结肠[结肠激惹综合征]|jing luan xing jie chang jie chang ji re zong he zheng
K58.951|过敏性大肠综合征|guo min xing da chang zong he zheng
K58.952|过敏性肠综合征|guo min xing chang zong he zheng
K59.001|便秘(单纯性)(痉挛性)|bian mi dan chun xing jing luan xing
K59.002|粪便潴留|fen bian zhu liu
K59.051|神经原性肠梗阻|shen jing yuan xing chang geng zu
K59.052|习惯性肠梗阻|xi guan xing chang geng zu
K59.101|功能性腹泻|gong neng xing fu xie
K59.251|神经源性肠 NEC|shen jing yuan xing chang
K59.351|结肠扩张|jie chang kuo zhang
K59.352|巨结肠(非希尔施普龙氏病)(后天性)|ju jie chang fei xi er shi pu long shi bing hou tian xing
K59.353|中毒性巨结肠|zhong du xing ju jie chang
K59.354|后天性功能性巨结肠症[特发性巨结肠症；精神性巨结肠症]|hou tian xing gong neng xing ju jie chang zheng te fa xing ju jie chang zheng jing shen xing ju jie chang zheng
K59.451|肛门痉挛|gang men jing luan
K59.801|肠道菌群失调|chang dao jun qun shi tiao
K59.802|肠扩张|chang kuo zhang
K59.803|结肠脾曲综合征[PAYR综合征]|jie chang pi qu zong he zheng zong he zheng
K59.804|脾区综合征|pi qu zong he zheng
K59.851|结肠松弛|jie chang song chi
K59.901|肠功能紊乱|chang gong neng wen luan
K60.051|急性肛裂|ji xing gang lie
K60.151|慢性肛裂|man xing gang lie
K60.201|肛裂|gang lie
K60.301|肛瘘|gang lou
K60.302|肛门瘘管|gang men lou guan
K60.401|直肠会阴瘘|zhi chang hui yin lou
K60.402|直肠瘘|zhi chang lou
K60.551|肛门直肠瘘|gang men zhi chang lou
K61.001|肛门旁皮下脓肿|gang men pang pi xia nong zhong
K61.002|肛周脓肿|gang zhou nong zhong
K61.101|直肠脓肿|zhi chang nong zhong
K61.251|肛门直肠脓肿|gang men zhi chang nong zhong
K61.351|坐骨直肠脓肿|zuo gu zhi chang nong zhong
K61.352|坐骨直肠窝脓肿|zuo gu zhi chang wo nong zhong
K61.451|括约肌内脓肿|kuo yue ji nei nong zhong
K62.001|肛门息肉|gang men xi rou
K62.101|直肠息肉|zhi chang xi rou
K62.201|肛门脱垂(脱肛)|gang men tuo chui tuo gang
K62.301|直肠粘膜脱垂|zhi chang nian mo tuo chui
K62.302|直肠脱垂|zhi chang tuo chui
K62.351|男性直肠膨出|nan xing zhi chang peng chu
K62.401|肛门狭窄|gang men xia zhai
K62.402|直肠狭窄|zhi chang xia zhai
K62.451|手术后肛门狭窄|shou shu hou gang men xia zhai
K62.452|手术后直肠狭窄|shou shu hou zhi chang xia zhai
K62.551|肛门出血|gang men chu xue
K62.552|直肠出血|zhi chang chu xue
K62.601|肛周溃疡|gang zhou kui yang
K62.602|直肠溃疡|zhi chang kui yang
K62.751|放射性直肠炎|fang she xing zhi chang yan
K62.801|出血性直肠炎|chu xue xing zhi chang yan
K62.802|肛管囊肿|gang guan nang zhong
K62.803|肛管炎|gang guan yan
K62.804|肛门囊肿|gang men nang zhong
K62.805|肛周感染|gang zhou gan ran
K62.806|肛乳头肥大|gang ru tou fei da
K62.807|巨直肠|ju zhi chang
K62.808|慢性肛管直肠炎|man xing gang guan zhi chang yan
K62.809|慢性直肠炎|man xing zhi chang yan
K62.810|直肠穿孔|zhi chang chuan kong
K62.811|直肠囊肿|zhi chang nang zhong
K62.812|直肠前突|zhi chang qian tu
K62.813|直肠肉芽肿|zhi chang rou ya zhong
K62.814|直肠吻合口瘢痕|zhi chang wen he kou ban hen
K62.815|直肠炎|zhi chang yan
K62.851|创伤性肛门闭锁|chuang shang xing gang men bi suo
K62.852|肛门括约肌松驰|gang men kuo yue ji song chi
K62.853|肛乳头炎|gang ru tou yan
K62.854|肛隐窝炎|gang yin wo yan
K62.855|肛周炎|gang zhou yan
K62.856|肛部痈|gang bu yong
K62.901|肛旁肿物|gang pang zhong wu
K62.902|直肠肿物|zhi chang zhong wu
K63.001|肠脓肿|chang nong zhong
K63.101|肠穿孔(非创伤性)|chang chuan kong fei chuang shang xing
K63.102|肠破裂(非创伤性)|chang po lie fei chuang shang xing
K63.103|结肠穿孔(非创伤性)|jie chang chuan kong fei chuang shang xing
K63.104|小肠穿孔(非创伤性)|xiao chang chuan kong fei chuang shang xing
K63.151|乙状结肠穿孔(非创伤性)|yi zhuang jie chang chuan kong fei chuang shang xing
K63.201|手术后大肠瘘|shou shu hou da chang lou
K63.202|手术后小肠瘘|shou shu hou xiao chang lou
K63.203|肠瘘|chang lou
K63.204|腹壁肠瘘|fu bi chang lou
K63.205|腹壁瘘管|fu bi lou guan
K63.206|结肠瘘|jie chang lou
K63.207|结肠胸腔瘘|jie chang xiong qiang lou
K63.208|盲肠腹壁瘘|mang chang fu bi lou
K63.209|盲管瘘|mang guan lou
K63.210|盆腔腹壁瘘|pen qiang fu bi lou
K63.211|手术后肠腹壁瘘|shou shu hou chang fu bi lou
K63.212|手术后肠瘘|shou shu hou chang lou
K63.301|结肠溃疡|jie chang kui yang
K63.302|盲肠溃疡|mang chang kui yang
K63.303|小肠溃疡|xiao chang kui yang
K63.351|原发性小肠溃疡[原发性非特异性小肠溃疡]|yuan fa xing xiao chang kui yang yuan fa xing fei te yi xing xiao chang kui yang
K63.352|回肠溃疡|hui chang kui yang
K63.401|回肠粘膜脱垂|hui chang nian mo tuo chui
K63.402|结肠下垂|jie chang xia chui
K63.403|内脏下垂|nei zang xia chui
K63.451|肠下垂|chang xia chui
K63.452|盲肠下垂|mang chang xia chui
K63.501|结肠息肉|jie chang xi rou
K63.801|结肠积气|jie chang ji qi
K63.802|肠息肉|chang xi rou
K63.803|结肠脂肪垂|jie chang zhi fang chui
K63.804|肠炎性包块|chang yan xing bao kuai
K63.805|盲肠息肉|mang chang xi rou
K63.806|结肠黑变病|jie chang hei bian bing
K63.807|小肠肉芽肿|xiao chang rou ya zhong
K63.808|小肠息肉|xiao chang xi rou
K63.851|结肠囊肿|jie chang nang zhong
K63.852|肠肉芽肿|chang rou ya zhong
K63.853|大肠炎性息肉|da chang yan xing xi rou
K63.854|大肠幼年性息肉(幼年性腺瘤；潴留性息肉)|da chang you nian xing xi rou you nian xing xian liu zhu liu xing xi rou
K63.855|大肠增生性息肉(化生性息肉)|da chang zeng sheng xing xi rou hua sheng xing xi rou
K63.901|结肠肿物|jie chang zhong wu
K63.951|肠病|chang bing
K63.952|肠切除后综合征[短肠综合征]|chang qie chu hou zong he zheng duan chang zong he zheng
K63.953|回盲部肿物|hui mang bu zhong wu
K65.001|肠系膜脓肿|chang xi mo nong zhong
K65.002|腹膜脓肿|fu mo nong zhong
K65.003|腹腔脓肿|fu qiang nong zhong
K65.004|膈下脓肿|ge xia nong zhong
K65.005|化脓性腹膜炎|hua nong xing fu mo yan
K65.006|急性腹膜炎|ji xing fu mo yan
K65.007|急性化脓性弥漫性腹膜炎|ji xing hua nong xing mi man xing fu mo yan
K65.008|急性弥漫性腹膜炎|ji xing mi man xing fu mo yan
K65.009|弥漫性腹膜炎|mi man xing fu mo yan
K65.010|男性盆腔脓肿|nan xing pen qiang nong zhong
K65.011|男性盆腔炎|nan xing pen qiang yan
K65.012|男性盆腔炎性包块|nan xing pen qiang yan xing bao kuai
K65.013|细菌性腹膜炎|xi jun xing fu mo yan
K65.051|感染性腹膜炎|gan ran xing fu mo yan
K65.052|胰腺性腹膜炎|yi xian xing fu mo yan
K65.053|肠间脓肿(腹中部脓肿)|chang jian nong zhong fu zhong bu nong zhong
K65.054|网膜脓肿|wang mo nong zhong
K65.801|肠系膜炎|chang xi mo yan
K65.802|出血性腹膜炎|chu xue xing fu mo yan
K65.803|穿孔性腹膜炎|chuan kong xing fu mo yan
K65.804|胆汁性腹膜炎|dan zhi xing fu mo yan
K65.805|多发性浆膜腔积液|duo fa xing jiang mo qiang ji ye
K65.806|多发性桨膜炎|duo fa xing jiang mo yan
K65.807|多浆膜炎|duo jiang mo yan
K65.808|局限性腹膜炎|ju xian xing fu mo yan
K65.809|慢性腹膜炎|man xing fu mo yan
K65.851|肠系膜性纤维性脂膜炎[收缩性肠系膜炎]|chang xi mo xing xian wei xing zhi mo yan shou suo xing chang xi mo yan
K65.852|肺炎球菌性腹膜炎|fei yan qiu jun xing fu mo yan
K65.853|慢性增生性腹膜炎|man xing zeng sheng xing fu mo yan
K65.854|肉芽肿性腹膜炎|rou ya zhong xing fu mo yan
K65.855|硬化性腹膜炎|ying hua xing fu mo yan
K65.856|腹膜脂肪坏死|fu mo zhi fang huai si
K65.901|腹膜后感染|fu mo hou gan ran
K65.902|腹膜炎 NOS|fu mo yan
K65.903|腹腔感染|fu qiang gan ran
K65.904|继发性腹膜炎|ji fa xing fu mo yan
K65.905|原发性腹膜炎|yuan fa xing fu mo yan
K65.951|腹壁感染|fu bi gan ran
K65.952|粘连性腹膜炎|nian lian xing fu mo yan
K65.953|网膜炎|wang mo yan
K66.001|肠系膜粘连|chang xi mo nian lian
K66.002|肠粘连|chang nian lian
K66.003|大网膜粘连|da wang mo nian lian
K66.004|腹膜粘连|fu mo nian lian
K66.005|腹腔粘连|fu qiang nian lian
K66.006|膈肌粘连|ge ji nian lian
K66.051|膈粘连|ge nian lian
K66.052|粘液性结肠炎|nian ye xing jie chang yan
K66.053|胃粘连|wei nian lian
K66.101|腹膜后血肿|fu mo hou xue zhong
K66.102|腹腔积血|fu qiang ji xue
K66.151|血腹|xue fu
K66.152|自发性血腹|zi fa xing xue fu
K66.801|肠系膜钙化|chang xi mo gai hua
K66.802|肠系膜囊肿|chang xi mo nang zhong
K66.803|骶前囊肿|di qian nang zhong
K66.804|腹膜后囊肿|fu mo hou nang zhong
K66.805|网膜囊肿|wang mo nang zhong
K66.851|腹壁肉芽肿|fu bi rou ya zhong
K66.852|腹膜增生症|fu mo zeng sheng zheng
K66.853|大网膜机化|da wang mo ji hua
K66.901|腹膜后肿物|fu mo hou zhong wu
K66.951|腹膜疾患 NOS|fu mo ji huan
K70.051|齐夫综合症|qi fu zong he zheng
K70.052|酒精性脂肪肝|jiu jing xing zhi fang gan
K70.101|酒精性肝炎|jiu jing xing gan yan
K70.151|急性酒精性肝炎|ji xing jiu jing xing gan yan
K70.251|酒精性肝纤维化|jiu jing xing gan xian wei hua
K70.301|酒精性肝硬化|jiu jing xing gan ying hua
K70.451|急性酒精性肝衰竭|ji xing jiu jing xing gan shuai jie
K70.452|慢性酒精性肝衰竭|man xing jiu jing xing gan shuai jie
K70.453|亚急性酒精性肝衰竭|ya ji xing jiu jing xing gan shuai jie
K70.454|酒精性肝衰竭|jiu jing xing gan shuai jie
K70.455|酒精性肝衰竭伴有肝昏迷|jiu jing xing gan shuai jie ban you gan hun mi
K70.901|酒精性肝损坏|jiu jing xing gan sun huai
K71.051|中毒性肝病伴胆汁郁积|zhong du xing gan bing ban dan zhi yu ji
K71.151|中毒性肝病伴肝坏死|zhong du xing gan bing ban gan huai si
K71.251|中毒性肝病伴急性肝病|zhong du xing gan bing ban ji xing gan bing
K71.351|中毒性肝病伴慢性迁延肝炎|zhong du xing gan bing ban man xing qian yan gan yan
K71.451|中毒性肝病伴有慢性小叶性肝炎|zhong du xing gan bing ban you man xing xiao ye xing gan yan
K71.551|中毒性肝病伴狼疮状肝炎|zhong du xing gan bing ban lang chuang zhuang gan yan
K71.552|中毒性肝病伴有慢性活动性肝炎|zhong du xing gan bing ban you man xing huo dong xing gan yan
K71.601|药物性肝炎|yao wu xing gan yan
K71.602|中毒性肝炎|zhong du xing gan yan
K71.701|药物性肝硬变|yao wu xing gan ying bian
K71.751|中毒性肝病伴有肝纤维化和硬变|zhong du xing gan bing ban you gan xian wei hua he ying bian
K71.851|中毒性肝病伴有局灶性结节性增生|zhong du xing gan bing ban you ju zao xing jie jie xing zeng sheng
K71.852|中毒性肝病伴有肝肉芽肿|zhong du xing gan bing ban you gan rou ya zhong
K71.853|中毒性肝病伴有紫癜性肝炎|zhong du xing gan bing ban you zi dian xing gan yan
K71.854|中毒性肝病伴有肝静脉闭塞|zhong du xing gan bing ban you gan jing mai bi se
K71.901|药物性肝损害|yao wu xing gan sun hai
K71.951|中毒性肝病 NOS|zhong du xing gan bing
K72.001|急性肝功能衰竭|ji xing gan gong neng shuai jie
K72.002|急性肝衰竭|ji xing gan shuai jie
K72.003|急性肝炎(非病毒性)|ji xing gan yan fei bing du xing
K72.004|急性黄疸型肝炎|ji xing huang dan xing gan yan
K72.005|急性黄色肝萎缩[罗布尔氏病]|ji xing huang se gan wei suo luo bu er shi bing
K72.006|亚急性肝坏死|ya ji xing gan huai si
K72.007|亚急性肝炎|ya ji xing gan yan
K72.051|亚急性肝衰竭|ya ji xing gan shuai jie
K72.052|急性肝萎缩|ji xing gan wei suo
K72.053|慢性肝炎伴亚急性肝坏死|man xing gan yan ban ya ji xing gan huai si
K72.151|慢性肝衰竭|man xing gan shuai jie
K72.152|慢性肝萎缩|man xing gan wei suo
K72.901|肝功能衰竭|gan gong neng shuai jie
K72.902|肝坏死(重症肝炎)|gan huai si zhong zheng gan yan
K72.903|肝昏迷(肝性脑病)|gan hun mi gan xing nao bing
K72.904|肝萎缩|gan wei suo
K73.001|慢性迁延性肝炎|man xing qian yan xing gan yan
K73.151|慢性小叶性肝炎|man xing xiao ye xing gan yan
K73.201|慢性活动性肝炎|man xing huo dong xing gan yan
K73.251|狼疮状肝炎|lang chuang zhuang gan yan
K73.801|慢性复发性肝炎|man xing fu fa xing gan yan
K73.901|慢性肝炎|man xing gan yan
K73.902|慢性肝炎、重型|man xing gan yan zhong xing
K74.001|肝纤维化|gan xian wei hua
K74.151|肝硬化|gan ying hua
K74.251|肝纤维化伴有肝硬化|gan xian wei hua ban you gan ying hua
K74.351|阿诺(肥大性)肝硬变|a nuo fei da xing gan ying bian
K74.352|慢性非化脓性破坏性胆管炎|man xing fei hua nong xing po huai xing dan guan yan
K74.353|托德硬变(肝)|tuo de ying bian gan
K74.451|继发性胆汁型肝硬变|ji fa xing dan zhi xing gan ying bian
K74.501|胆汁性肝硬变|dan zhi xing gan ying bian
K74.601|肝炎后肝硬变|gan yan hou gan ying bian
K74.602|肝硬变|gan ying bian
K74.603|坏死后肝硬变|huai si hou gan ying bian
K74.604|结节性肝硬变|jie jie xing gan ying bian
K74.605|慢性间质性肝炎|man xing jian zhi xing gan yan
K74.606|门脉性肝硬变|men mai xing gan ying bian
K74.607|血吸虫性肝硬化|xue xi chong xing gan ying hua
K74.608|肝硬变伴食管静脉曲张|gan ying bian ban shi guan jing mai qu zhang
K74.609|肝硬变伴食管静脉曲张破裂出血|gan ying bian ban shi guan jing mai qu zhang po lie chu xue
K74.651|代谢性肝硬变|dai xie xing gan ying bian
K74.652|肥大性肝硬变|fei da xing gan ying bian
K74.653|肝硬变伴腹水|gan ying bian ban fu shui
K74.654|中毒性肝硬化|zhong du xing gan ying hua
K74.655|拉埃内克肝硬变|la ai nei ke gan ying bian
K74.656|鲍姆加滕－克吕韦耶肝硬变[先天性肝硬化]|bao mu jia teng ke lv wei ye gan ying bian xian tian xing gan ying hua
K75.001|肝脓肿|gan nong zhong
K75.002|急性化脓性肝胆管炎|ji xing hua nong xing gan dan guan yan
K75.051|细菌性肝脓肿|xi jun xing gan nong zhong
K75.101|门静脉炎|men jing mai yan
K75.151|门静脉毒血症|men jing mai du xue zheng
K75.251|非特异性反应肝炎|fei te yi xing fan ying gan yan
K75.301|肝肉芽肿|gan rou ya zhong
K75.801|胆小管炎性肝炎|dan xiao guan yan xing gan yan
K75.802|胆汁郁积性肝炎|dan zhi yu ji xing gan yan
K75.803|肝胆管炎|gan dan guan yan
K75.804|肝内胆管炎|gan nei dan guan yan
K75.805|肝炎性假瘤|gan yan xing jia liu
K75.806|肝炎性肿物|gan yan xing zhong wu
K75.807|药物性胆汁郁积性肝炎|yao wu xing dan zhi yu ji xing gan yan
K75.808|营养性肝炎|ying yang xing gan yan
K75.809|自家免疫性肝炎|zi jia mian yi xing gan yan
K75.851|瘀胆型病毒性肝炎 [毛细胆管性肝炎]|yu dan xing bing du xing gan yan mao xi dan guan xing gan yan
K75.901|肝炎|gan yan
K75.902|肝炎综合征|gan yan zong he zheng
K76.001|脂肪肝|zhi fang gan
K76.051|肝[脏]脂肪变|gan zang zhi fang bian
K76.052|中毒性(急性)肝脂肪变性|zhong du xing ji xing gan zhi fang bian xing
K76.101|慢性被动性肝郁血|man xing bei dong xing gan yu xue
K76.102|心源性肝硬变|xin yuan xing gan ying bian
K76.103|淤血性肝损坏|yu xue xing gan sun huai
K76.104|郁滞肝|yu zhi gan
K76.251|肝中心出血性坏死|gan zhong xin chu xue xing huai si
K76.301|肝梗塞|gan geng se
K76.451|紫癜性肝炎|zi dian xing gan yan
K76.452|肝血管瘤病|gan xue guan liu bing
K76.551|肝静脉闭塞性病|gan jing mai bi se xing bing
K76.601|班替氏综合征|ban ti shi zong he zheng
K76.602|门脉高压|men mai gao ya
K76.603|特发性门脉高压|te fa xing men mai gao ya
K76.701|肝肾功能衰竭|gan shen gong neng shuai jie
K76.702|肝肾综合征|gan shen zong he zheng
K76.801|肝癌破裂出血|gan ai po lie chu xue
K76.802|肝出血|gan chu xue
K76.803|肝多发性再生肥大结节|gan duo fa xing zai sheng fei da jie jie
K76.804|肝肺综合征|gan fei zong he zheng
K76.805|肝钙化灶|gan gai hua zao
K76.806|肝功能不全|gan gong neng bu quan
K76.807|肝管出血|gan guan chu xue
K76.808|肝管息肉|gan guan xi rou
K76.809|肝积液|gan ji ye
K76.810|肝内钙化点|gan nei gai hua dian
K76.811|肝囊肿|gan nang zhong
K76.812|肝细胞性黄疸|gan xi bao xing huang dan
K76.813|肝下垂|gan xia chui
K76.814|肝血肿|gan xue zhong
K76.815|肝炎后黄疸|gan yan hou huang dan
K76.816|肝增生性结节|gan zeng sheng xing jie jie
K76.817|肝自发性破裂出血|gan zi fa xing po lie chu xue
K76.851|肝黑变病|gan hei bian bing
K76.852|肝痛|gan tong
K76.854|肝源性水肿|gan yuan xing shui zhong
K76.855|肝局灶结节性增生|gan ju zao jie jie xing zeng sheng
K76.901|肝病|gan bing
K76.902|肝损害|gan sun hai
K76.903|肝占位性病变|gan zhan wei xing bing bian
K76.904|肝肿物|gan zhong wu
K76.905|慢性肝损害|man xing gan sun hai
K80.001|胆囊结石伴坏疽性胆囊炎|dan nang jie shi ban huai ju xing dan nang yan
K80.002|胆囊结石伴急性胆囊炎(胆石症伴急性胆囊炎)|dan nang jie shi ban ji xing dan nang yan dan shi zheng ban ji xing dan nang yan
K80.051|胆囊结石伴急性化脓性胆囊炎|dan nang jie shi ban ji xing hua nong xing dan nang yan
K80.101|胆囊结石伴胆囊炎|dan nang jie shi ban dan nang yan
K80.102|胆囊结石伴慢性胆囊炎|dan nang jie shi ban man xing dan nang yan
K80.151|胆囊结石伴萎缩性胆囊炎|dan nang jie shi ban wei suo xing dan nang yan
K80.201|残余胆囊结石|can yu dan nang jie shi
K80.202|胆囊绞痛(复发性)|dan nang jiao tong fu fa xing
K80.203|胆囊结石|dan nang jie shi
K80.204|胆囊结石嵌顿|dan nang jie shi qian dun
K80.251|胆囊管结石|dan nang guan jie shi
K80.301|总胆管结石伴急性化脓性胆管炎|zong dan guan jie shi ban ji xing hua nong xing dan guan yan
K80.351|胆管结石伴有胆管炎|dan guan jie shi ban you dan guan yan
K80.401|胆管结石伴(慢性)胆囊炎|dan guan jie shi ban man xing dan nang yan
K80.402|胆总管结石伴(慢性)胆囊炎|dan zong guan jie shi ban man xing dan nang yan
K80.403|胆管结石伴急性胆囊炎|dan guan jie shi ban ji xing dan nang yan
K80.404|胆总管结石伴急性胆囊炎|dan zong guan jie shi ban ji xing dan nang yan
K80.405|肝胆管结石伴(慢性)胆囊炎|gan dan guan jie shi ban man xing dan nang yan
K80.406|肝管结石伴(慢性)胆囊炎|gan guan jie shi ban man xing dan nang yan
K80.407|肝管结石伴慢性胆囊炎|gan guan jie shi ban man xing dan nang yan
K80.408|总胆管结石伴慢性胆囊炎|zong dan guan jie shi ban man xing dan nang yan
K80.501|胆道术后残留结石|dan dao shu hou can liu jie shi
K80.502|胆管结石|dan guan jie shi
K80.503|胆绞痛|dan jiao tong
K80.504|胆总管结石|dan zong guan jie shi
K80.505|胆总管残余结石|dan zong guan can yu jie shi
K80.506|复发性肝绞痛|fu fa xing gan jiao tong
K80.507|肝胆管结石|gan dan guan jie shi
K80.508|肝管结石|gan guan jie shi
K80.551|肝结石|gan jie shi
K80.552|胆道腹腔镜(LC)术后胆管结石|dan dao fu qiang jing shu hou dan guan jie shi
K80.553|胆管结石伴梗阻|dan guan jie shi ban geng zu
K80.554|原发性胆管结石[胆红素钙结石]|yuan fa xing dan guan jie shi dan hong su gai jie shi
K80.555|法特氏壶腹结石|fa te shi hu fu jie shi
K80.556|夏科热(胆)(肝)(间歇性)|xia ke re dan gan jian xie xing
K80.851|其他胆石病|qi ta dan shi bing
K81.001|胆囊坏疽|dan nang huai ju
K81.002|胆囊脓肿|dan nang nong zhong
K81.003|胆囊周围脓肿|dan nang zhou wei nong zhong
K81.004|急性胆囊炎|ji xing dan nang yan
K81.005|急性化脓性胆囊炎|ji xing hua nong xing dan nang yan
K81.006|急性坏疽性胆囊炎|ji xing huai ju xing dan nang yan
K81.007|慢性胆囊炎急性发作|man xing dan nang yan ji xing fa zuo
K81.051|坏疽性胆囊炎|huai ju xing dan nang yan
K81.101|慢性胆囊炎|man xing dan nang yan
K81.801|胆囊周炎|dan nang zhou yan
K81.851|其他胆囊炎|qi ta dan nang yan
K81.852|萎缩性胆囊炎|wei suo xing dan nang yan
K81.853|息肉性胆囊炎|xi rou xing dan nang yan
K81.901|胆囊炎 NOS|dan nang yan
K82.001|胆囊管梗阻|dan nang guan geng zu
K82.002|梗阻性黄疸(胆囊)|geng zu xing huang dan dan nang
K82.051|梗阻性胆囊肿大|geng zu xing dan nang zhong da
K82.101|胆囊积液|dan nang ji ye
K82.151|胆囊粘液囊肿|dan nang nian ye nang zhong
K82.201|胆囊穿孔|dan nang chuan kong
K82.301|胆囊肠瘘|dan nang chang lou
K82.302|胆囊结肠瘘|dan nang jie chang lou
K82.303|胆囊瘘|dan nang lou
K82.304|胆囊十二指肠瘘|dan nang shi er zhi chang lou
K82.305|胆囊胃瘘|dan nang wei lou
K82.306|手术后胆囊瘘|shou shu hou dan nang lou
K82.351|胆囊肝总管瘘|dan nang gan zong guan lou
K82.401|胆固醇性胆囊炎|dan gu chun xing dan nang yan
K82.402|胆囊胆固醇沉着症|dan nang dan gu chun chen zhuo zheng
K82.451|胆固醇性胆囊息肉伴慢性胆囊炎|dan gu chun xing dan nang xi rou ban man xing dan nang yan
K82.452|草霉状胆囊|cao mei zhuang dan nang
K82.801|胆囊管扩张|dan nang guan kuo zhang
K82.802|胆囊沉积物|dan nang chen ji wu
K82.803|胆囊肥大|dan nang fei da
K82.804|胆囊钙化|dan nang gai hua
K82.805|胆囊肌腺症|dan nang ji xian zheng
K82.806|胆囊扭转|dan nang niu zhuan
K82.807|胆囊萎缩|dan nang wei suo
K82.808|胆囊息肉|dan nang xi rou
K82.851|胆囊缺如|dan nang que ru
K82.852|胆囊囊肿|dan nang nang zhong
K82.853|胆囊溃疡|dan nang kui yang
K82.854|胆囊运动障碍|dan nang yun dong zhang ai
K82.901|胆囊病变|dan nang bing bian
K82.902|胆囊占位性病变|dan nang zhan wei xing bing bian
K82.903|胆囊肿物|dan nang zhong wu
K82.951|胆心综合征|dan xin zong he zheng
K82.952|胆囊病 NOS|dan nang bing
K83.001|奥狄氏括约肌炎|ao di shi kuo yue ji yan
K83.002|胆道感染|dan dao gan ran
K83.003|胆管炎|dan guan yan
K83.004|胆管周围炎|dan guan zhou wei yan
K83.005|胆总管炎|dan zong guan yan
K83.006|返流性胆管炎|fan liu xing dan guan yan
K83.007|复发性胆管炎|fu fa xing dan guan yan
K83.008|梗阻性胆管炎|geng zu xing dan guan yan
K83.009|梗阻性化脓性胆管炎|geng zu xing hua nong xing dan guan yan
K83.010|化脓性胆管炎|hua nong xing dan guan yan
K83.011|急性胆管炎|ji xing dan guan yan
K83.012|急性梗阻性胆管炎|ji xing geng zu xing dan guan yan
K83.013|急性化脓性胆管炎|ji xing hua nong xing dan guan yan
K83.014|急性化脓性梗阻性胆管炎|ji xing hua nong xing geng zu xing dan guan yan
K83.015|慢性胆管炎|man xing dan guan yan
K83.016|硬化性胆管炎|ying hua xing dan guan yan
K83.017|淤积性胆管炎|yu ji xing dan guan yan
K83.051|毛细胆管炎|mao xi dan guan yan
K83.052|缩窄性胆管炎|suo zhai xing dan guan yan
K83.053|中毒性胆管炎|zhong du xing dan guan yan
K83.054|肝内性胆总管炎|gan nei xing dan zong guan yan
K83.055|化脓性胆总管炎|hua nong xing dan zong guan yan
K83.056|十二指肠胆管炎|shi er zhi chang dan guan yan
K83.101|肝管梗阻综合征|gan guan geng zu zong he zheng
K83.102|胆管狭窄|dan guan xia zhai
K83.103|胆管阻塞|dan guan zu se
K83.104|胆汁郁积症|dan zhi yu ji zheng
K83.105|胆总管阻塞|dan zong guan zu se
K83.106|胆总管梗阻|dan zong guan geng zu
K83.107|胆总管狭窄|dan zong guan xia zhai
K83.108|肝胆管狭窄|gan dan guan xia zhai
K83.109|肝管狭窄|gan guan xia zhai
K83.151|原发性胆管狭窄|yuan fa xing dan guan xia zhai
K83.201|胆管穿孔|dan guan chuan kong
K83.301|胆管瘘|dan guan lou
K83.302|手术后胆总管小肠瘘|shou shu hou dan zong guan xiao chang lou
K83.303|手术后肝总管小肠瘘|shou shu hou gan zong guan xiao chang lou
K83.304|总胆管十二指肠瘘|zong dan guan shi er zhi chang lou
K83.401|奥狄氏扩约肌痉挛|ao di shi kuo yue ji jing luan
K83.451|法特壶腹痉挛|fa te hu fu jing luan
K83.452|欧狄氏括约肌痉挛|ou di shi kuo yue ji jing luan
K83.501|胆管囊肿|dan guan nang zhong
K83.502|胆总管(肝总管)囊肿|dan zong guan gan zong guan nang zhong
K83.801|奥狄氏括约肌狭窄|ao di shi kuo yue ji xia zhai
K83.802|缩窄性法特氏乳头炎|suo zhai xing fa te shi ru tou yan
K83.803|胆管出血|dan guan chu xue
K83.804|胆管溃疡|dan guan kui yang
K83.805|胆总管痉挛|dan zong guan jing luan
K83.806|胆总管扩张|dan zong guan kuo zhang
K83.807|肝胆管扩张|gan dan guan kuo zhang
K83.851|胆管扩张|dan guan kuo zhang
K83.852|胆总管息肉|dan zong guan xi rou
K83.853|胆总管粘连|dan zong guan nian lian
K83.951|肝囊管综合征|gan nang guan zong he zheng
K83.952|梗阻性黄疸|geng zu xing huang dan
K85.X01|胆源性胰腺炎|dan yuan xing yi xian yan
K85.X02|化脓性胰腺炎|hua nong xing yi xian yan
K85.X03|急性出血坏死性胰腺炎|ji xing chu xue huai si xing yi xian yan
K85.X04|急性出血性胰腺炎|ji xing chu xue xing yi xian yan
K85.X05|急性坏死性胰腺炎|ji xing huai si xing yi xian yan
K85.X06|急性水肿性胰腺炎|ji xing shui zhong xing yi xian yan
K85.X07|急性胰腺炎|ji xing yi xian yan
K85.X08|慢性胰腺炎急性发作|man xing yi xian yan ji xing fa zuo
K85.X09|亚急性胰腺炎|ya ji xing yi xian yan
K85.X10|胰腺脓肿|yi xian nong zhong
K85.X11|胰腺炎|yi xian yan
K85.X12|注射后胰腺炎|zhu she hou yi xian yan
K85.X51|急性胰坏死|ji xing yi huai si
K85.X52|坏疽性胰腺炎|huai ju xing yi xian yan
K85.X53|环状胰腺炎|huan zhuang yi xian yan
K85.X54|急性间质性胰腺炎|ji xing jian zhi xing yi xian yan
K85.X55|急性重症胰腺炎|ji xing zhong zheng yi xian yan
K85.X56|胰腺炎猝死[猝死型急性胰腺炎暴发性胰腺坏死]|yi xian yan cu si cu si xing ji xing yi xian yan bao fa xing yi xian huai si
K85.X57|胰腺坏死|yi xian huai si
K86.051|酒精性慢性胰腺炎|jiu jing xing man xing yi xian yan
K86.052|药物性胰腺炎|yao wu xing yi xian yan
K86.101|复发性胰腺炎|fu fa xing yi xian yan
K86.102|慢性胰腺炎|man xing yi xian yan
K86.151|胆石性胰腺炎|dan shi xing yi xian yan
K86.152|高血钙性胰腺炎|gao xue gai xing yi xian yan
K86.153|慢性间质性胰腺炎|man xing jian zhi xing yi xian yan
K86.154|纤维性胰腺炎|xian wei xing yi xian yan
K86.201|胰腺囊肿|yi xian nang zhong
K86.251|真性胰腺囊肿|zhen xing yi xian nang zhong
K86.301|胰腺假囊肿|yi xian jia nang zhong
K86.801|胰大|yi da
K86.802|胰胆管扩张|yi dan guan kuo zhang
K86.803|胰岛组织硬化|yi dao zu zhi ying hua
K86.804|胰管梗阻|yi guan geng zu
K86.805|胰管痉挛|yi guan jing luan
K86.806|胰管扩张|yi guan kuo zhang
K86.807|胰管狭窄|yi guan xia zhai
K86.808|胰坏死|yi huai si
K86.809|胰结石|yi jie shi
K86.810|胰瘘|yi lou
K86.811|胰腺钙化|yi xian gai hua
K86.812|胰腺肉芽肿|yi xian rou ya zhong
K86.851|胰腺腹水|yi xian fu shui
K86.852|胰腺萎缩|yi xian wei suo
K86.853|胰腺硬化|yi xian ying hua
K86.854|脂肪性胰腺坏死|zhi fang xing yi xian huai si
K86.901|胰腺肿物|yi xian zhong wu
K86.902|胰占位性病变|yi zhan wei xing bing bian
K86.951|胰胆综合征|yi dan zong he zheng
K90.001|非热带性口炎性腹泻|fei re dai xing kou yan xing fu xie
K90.002|谷胶肠病|gu jiao chang bing
K90.003|乳糜泻(脂泻病)|ru mi xie zhi xie bing
K90.051|腹性佝偻病|fu xing gou lou bing
K90.151|口炎性腹泻|kou yan xing fu xie
K90.152|热带性脂肪痢|re dai xing zhi fang li
K90.201|盲袢综合征 (非手术性)|mang pan zong he zheng fei shou shu xing
K90.351|胰性脂肪痢|yi xing zhi fang li
K90.401|脂肪吸收不良|zhi fang xi shou bu liang
K90.451|淀粉耐受不良引起的吸收障碍|dian fen nai shou bu liang yin qi de xi shou zhang ai
K90.452|蛋白耐受不良引起的吸收障碍|dan bai nai shou bu liang yin qi de xi shou zhang ai
K90.453|脂肪耐受不良引起的吸收障碍|zhi fang nai shou bu liang yin qi de xi shou zhang ai
K90.454|碳水化合物耐受不良引起的吸收障碍|tan shui hua he wu nai shou bu liang yin qi de xi shou zhang ai
K90.801|原发性小肠吸收不良综合征|yuan fa xing xiao chang xi shou bu liang zong he zheng
K90.802|肠源性脂肪代谢障碍[惠普尔氏病]|chang yuan xing zhi fang dai xie zhang ai hui pu er shi bing
K90.851|肠道菌群失调|chang dao jun qun shi tiao
K90.901|肠吸收不良|chang xi shou bu liang
K90.902|小肠吸收不良综合征(非手术性)|xiao chang xi shou bu liang zong he zheng fei shou shu xing
K90.951|原发性小肠吸收不良|yuan fa xing xiao chang xi shou bu liang
K91.001|胃肠手术后呕吐|wei chang shou shu hou ou tu
K91.101|迟发型倾倒综合征|chi fa xing qing dao zong he zheng
K91.102|迷走神经切断术后综合征|mi zou shen jing qie duan shu hou zong he zheng
K91.103|倾倒综合征(胃切除术后综合征)|qing dao zong he zheng wei qie chu shu hou zong he zheng
K91.104|胃手术后综合征|wei shou shu hou zong he zheng
K91.151|胃肠吻合口炎|wei chang wen he kou yan
K91.201|短肠综合征(肠切除后综合征)|duan chang zong he zheng chang qie chu hou zong he zheng
K91.202|手术后吸收不良综合征|shou shu hou xi shou bu liang zong he zheng
K91.251|手术后盲袢综合征|shou shu hou mang pan zong he zheng
K91.301|手术后肠梗阻|shou shu hou chang geng zu
K91.351|手术后幽门梗阻|shou shu hou you men geng zu
K91.401|肠造瘘术后功能障碍|chang zao lou shu hou gong neng zhang ai
K91.402|假肛口瘢痕狭窄|jia gang kou ban hen xia zhai
K91.403|结肠造口术后狭窄|jie chang zao kou shu hou xia zhai
K91.451|胃肠吻合口瘘|wei chang wen he kou lou
K91.501|胆囊切除术后综合征|dan nang qie chu shu hou zong he zheng
K91.551|胆道腹腔镜术后(LC)胆道感染|dan dao fu qiang jing shu hou dan dao gan ran
K91.552|胆道术后胆道感染|dan dao shu hou dan dao gan ran
K91.801|残窦综合征(胃切除术后)|can dou zong he zheng wei qie chu shu hou
K91.802|残胃炎|can wei yan
K91.803|肠吻合口狭窄|chang wen he kou xia zhai
K91.804|胆管十二指肠吻合口狭窄|dan guan shi er zhi chang wen he kou xia zhai
K91.805|胆囊空肠吻合口狭窄|dan nang kong chang wen he kou xia zhai
K91.806|胆囊切除术后粘连|dan nang qie chu shu hou nian lian
K91.807|肝管空肠吻合口狭窄|gan guan kong chang wen he kou xia zhai
K91.808|食管空肠吻合口狭窄|shi guan kong chang wen he kou xia zhai
K91.809|食管胃吻合口狭窄|shi guan wei wen he kou xia zhai
K91.810|手术后肠粘连|shou shu hou chang nian lian
K91.811|手术后胆管闭锁|shou shu hou dan guan bi suo
K91.812|手术后胆管狭窄|shou shu hou dan guan xia zhai
K91.813|手术后肝管狭窄|shou shu hou gan guan xia zhai
K91.814|手术后肝外胆管狭窄|shou shu hou gan wai dan guan xia zhai
K91.815|手术后胃肠功能紊乱|shou shu hou wei chang gong neng wen luan
K91.817|胃肠吻合口机能障碍|wei chang wen he kou ji neng zhang ai
K91.818|胃肠吻合口水肿|wei chang wen he kou shui zhong
K91.819|胃肠吻合口狭窄|wei chang wen he kou xia zhai
K91.820|胃肠吻合术后输出袢梗阻|wei chang wen he shu hou shu chu pan geng zu
K91.821|胃肠吻合术后输入袢梗阻|wei chang wen he shu hou shu ru pan geng zu
K91.851|胆道术后肾衰或无尿|dan dao shu hou shen shuai huo wu niao
K91.852|手术后胰腺炎|shou shu hou yi xian yan
K91.853|输入性肠袢梗阻综合征[胆汁性呕吐]|shu ru xing chang pan geng zu zong he zheng dan zhi xing ou tu
K91.951|操作后消化系统疾患 NOS|cao zuo hou xiao hua xi tong ji huan
K92.001|呕血|ou xue
K92.101|黑粪(柏油样粪)|hei fen bai you yang fen
K92.201|便血|bian xue
K92.202|残胃出血|can wei chu xue
K92.203|肠出血|chang chu xue
K92.204|上消化道出血|shang xiao hua dao chu xue
K92.205|胃肠道出血|wei chang dao chu xue
K92.206|胃出血|wei chu xue
K92.207|下消化道出血|xia xiao hua dao chu xue
K92.208|消化道出血|xiao hua dao chu xue
K92.801|门脉高压性胃肠病|men mai gao ya xing wei chang bing
K92.851|蛋白丢失性胃肠病|dan bai diu shi xing wei chang bing
K92.902|消化道病变|xiao hua dao bing bian
K92.951|功能性消化疾患|gong neng xing xiao hua ji huan
L00.X01|新生儿脓疱病|xin sheng er nong pao bing
L00.X02|新生儿天疱疮|xin sheng er tian pao chuang
L00.X51|里特病|li te bing
L01.051|新生儿大疱性脓疮|xin sheng er da pao xing nong chuang
L01.052|大疱性脓疱疮|da pao xing nong pao chuang
L01.053|伯克哈特脓疱病|bo ke ha te nong pao bing
L01.151|溃疡性脓疱病|kui yang xing nong pao bing
L01.152|脓疱病性湿疹|nong pao bing xing shi zhen
L02.001|额部脓肿|e bu nong zhong
L02.002|面部疖肿|mian bu jie zhong
L02.003|脸部痈|lian bu yong
L02.051|颌下脓肿|he xia nong zhong
L02.052|唇部疖|chun bu jie
L02.053|唇部痈|chun bu yong
L02.054|颊部脓肿|jia bu nong zhong
L02.101|颈部疖|jing bu jie
L02.102|颈部脓肿|jing bu nong zhong
L02.103|颈部痈|jing bu yong
L02.201|背部脓肿|bei bu nong zhong
L02.202|腹壁脓肿|fu bi nong zhong
L02.203|腹股沟脓肿|fu gu gou nong zhong
L02.204|会阴部炎性肿物|hui yin bu yan xing zhong wu
L02.205|躯干部疖|qu gan bu jie
L02.206|躯干部脓肿|qu gan bu nong zhong
L02.207|躯干部痈|qu gan bu yong
L02.251|会阴部脓肿|hui yin bu nong zhong
L02.252|腹壁痈|fu bi yong
L02.253|背部痈|bei bu yong
L02.254|髂窝(区)脓肿|qia wo qu nong zhong
L02.255|胸壁脓肿|xiong bi nong zhong
L02.301|臀部疖|tun bu jie
L02.302|臀脓肿|tun nong zhong
L02.351|臀部痈|tun bu yong
L02.352|臂部痈|bi bu yong
L02.401|腘窝脓肿|guo wo nong zhong
L02.402|臂脓肿|bi nong zhong
L02.403|上肢疖|shang zhi jie
L02.404|上肢痈|shang zhi yong
L02.405|手部疖|shou bu jie
L02.406|手部痈|shou bu yong
L02.407|手脓肿|shou nong zhong
L02.408|腿部疖|tui bu jie
L02.409|腿部痈|tui bu yong
L02.410|腿脓肿|tui nong zhong
L02.411|足部疖|zu bu jie
L02.412|足部痈|zu bu yong
L02.413|足脓肿|zu nong zhong
L02.451|指脓肿|zhi nong zhong
L02.452|趾脓肿|zhi nong zhong
L02.453|踝部脓肿|huai bu nong zhong
L02.454|髋部脓肿|kuan bu nong zhong
L02.455|肩脓肿|jian nong zhong
L02.456|腋脓肿|ye nong zhong
L02.801|帽状腱膜下脓肿|mao zhuang jian mo xia nong zhong
L02.802|头部疖|tou bu jie
L02.803|头部皮肤脓肿|tou bu pi fu nong zhong
L02.804|头部痈|tou bu yong
L02.851|头部脓肿|tou bu nong zhong
L02.901|多发性疖肿|duo fa xing jie zhong
L02.902|多发性脓肿|duo fa xing nong zhong
L02.903|疖肿病(多发性疖肿病)|jie zhong bing duo fa xing jie zhong bing
L02.904|脓肿|nong zhong
L02.905|皮肤疖肿|pi fu jie zhong
L02.906|新生儿疖肿|xin sheng er jie zhong
L02.907|痈|yong
L03.001|甲沟炎(瘭疽)|jia gou yan biao ju
L03.002|甲床炎|jia chuang yan
L03.003|甲周炎|jia zhou yan
L03.004|指蜂窝组织炎|zhi feng wo zu zhi yan
L03.005|指甲床炎|zhi jia chuang yan
L03.006|指甲沟脓肿|zhi jia gou nong zhong
L03.007|指甲沟炎|zhi jia gou yan
L03.008|趾甲沟炎|zhi jia gou yan
L03.051|瘭疽[化脓性指头炎]|biao ju hua nong xing zhi tou yan
L03.052|指蜂窝织炎|zhi feng wo zhi yan
L03.053|趾蜂窝织炎|zhi feng wo zhi yan
L03.101|臂蜂窝织炎|bi feng wo zhi yan
L03.102|髂窝脓肿|qia wo nong zhong
L03.103|手蜂窝织炎|shou feng wo zhi yan
L03.104|腿蜂窝织炎|tui feng wo zhi yan
L03.105|腕蜂窝织炎|wan feng wo zhi yan
L03.106|足蜂窝织炎|zu feng wo zhi yan
L03.151|手掌间隙感染|shou zhang jian xi gan ran
L03.152|膝蜂窝织炎|xi feng wo zhi yan
L03.153|肩蜂窝织炎|jian feng wo zhi yan
L03.154|急性臂淋巴管炎|ji xing bi lin ba guan yan
L03.201|颌部蜂窝织炎|he bu feng wo zhi yan
L03.202|颌下降区蜂窝织炎|he xia jiang qu feng wo zhi yan
L03.203|面部蜂窝织炎|mian bu feng wo zhi yan
L03.301|躯干部蜂窝组织炎|qu gan bu feng wo zu zhi yan
L03.302|躯干部炎性肿物|qu gan bu yan xing zhong wu
L03.304|臀蜂窝织炎|tun feng wo zhi yan
L03.351|腹股沟感染|fu gu gou gan ran
L03.352|背蜂窝组织炎|bei feng wo zu zhi yan
L03.353|胸壁蜂窝组织炎|xiong bi feng wo zu zhi yan
L03.801|颈部蜂窝组织炎|jing bu feng wo zu zhi yan
L03.851|头部蜂窝织炎|tou bu feng wo zhi yan
L03.901|蜂窝织炎 NOS|feng wo zhi yan
L03.951|急性淋巴管炎|ji xing lin ba guan yan
L03.952|急性淋巴管炎伴脓肿或蜂窝织炎|ji xing lin ba guan yan ban nong zhong huo feng wo zhi yan
L03.953|急性蜂窝织炎|ji xing feng wo zhi yan
L04.001|急性颌下淋巴结炎|ji xing he xia lin ba jie yan
L04.002|急性颈淋巴结炎|ji xing jing lin ba jie yan
L04.051|急性面淋巴结炎|ji xing mian lin ba jie yan
L04.052|急性头部淋巴结炎|ji xing tou bu lin ba jie yan
L04.053|化脓性面部淋巴结炎|hua nong xing mian bu lin ba jie yan
L04.054|化脓性颈部淋巴结炎|hua nong xing jing bu lin ba jie yan
L04.151|急性躯干淋巴结炎|ji xing qu gan lin ba jie yan
L04.152|急性髋淋巴结炎|ji xing kuan lin ba jie yan
L04.201|臂急性淋巴管炎|bi ji xing lin ba guan yan
L04.251|急性肩淋巴结炎|ji xing jian lin ba jie yan
L04.252|急性腋淋巴结炎|ji xing ye lin ba jie yan
L04.301|腿急性淋巴管炎|tui ji xing lin ba guan yan
L04.851|其他部位急性淋巴结炎|qi ta bu wei ji xing lin ba jie yan
L04.901|化脓性淋巴结炎|hua nong xing lin ba jie yan
L04.902|坏死性淋巴结炎|huai si xing lin ba jie yan
L04.904|急性淋巴结炎|ji xing lin ba jie yan
L04.905|淋巴结坏死|lin ba jie huai si
L04.906|皮肤病性淋巴结炎|pi fu bing xing lin ba jie yan
L04.907|亚急性坏死性淋巴结炎|ya ji xing huai si xing lin ba jie yan
L04.951|急性淋巴结脓肿|ji xing lin ba jie nong zhong
L04.952|急性淋巴结腺炎|ji xing lin ba jie xian yan
L04.953|急性化脓性淋巴结炎|ji xing hua nong xing lin ba jie yan
L05.001|先天性胸壁皮肤窦道伴脓肿|xian tian xing xiong bi pi fu dou dao ban nong zhong
L05.051|藏毛囊肿伴脓肿|cang mao nang zhong ban nong zhong
L05.901|藏毛囊肿|cang mao nang zhong
L05.951|尾骨瘘|wei gu lou
L08.001|脓疱性细菌疹|nong pao xing xi jun zhen
L08.002|脓疱性疹|nong pao xing zhen
L08.003|脓皮病|nong pi bing
L08.051|化脓性皮炎|hua nong xing pi yan
L08.052|脓毒性皮炎|nong du xing pi yan
L08.101|红癣|hong xuan
L08.801|背部感染性窦道|bei bu gan ran xing dou dao
L08.802|腹壁感染性窦道|fu bi gan ran xing dou dao
L08.803|皮肤感染性窦道|pi fu gan ran xing dou dao
L08.804|增殖性脓皮病|zeng zhi xing nong pi bing
L08.851|脓疱疹|nong pao zhen
L08.901|头面颈部皮肤感染|tou mian jing bu pi fu gan ran
L08.902|颞皮肤感染|nie pi fu gan ran
L08.903|颈部软组织感染|jing bu ruan zu zhi gan ran
L08.904|臀皮肤感染|tun pi fu gan ran
L08.905|躯干皮肤感染|qu gan pi fu gan ran
L08.906|手皮肤感染|shou pi fu gan ran
L08.907|皮肤感染|pi fu gan ran
L08.908|腹壁软组织感染|fu bi ruan zu zhi gan ran
L08.909|会阴部软组织感染|hui yin bu ruan zu zhi gan ran
L08.910|会阴炎性包块|hui yin yan xing bao kuai
L08.911|上肢感染|shang zhi gan ran
L08.913|脐部感染(脐炎)|qi bu gan ran qi yan
L08.914|手指感染|shou zhi gan ran
L08.915|下肢皮肤感染|xia zhi pi fu gan ran
L08.916|下肢软组织感染|xia zhi ruan zu zhi gan ran
L08.917|肢体皮肤感染|zhi ti pi fu gan ran
L08.918|足皮肤感染|zu pi fu gan ran
L08.919|足软组织感染|zu ruan zu zhi gan ran
L08.920|软组织感染|ruan zu zhi gan ran
L08.921|其他皮肤和皮下组织的局部感染|qi ta pi fu he pi xia zu zhi de ju bu gan ran
L08.951|趾(皮)感染|zhi pi gan ran
L10.001|寻常性天疱疮(恶性天疱疮)|xun chang xing tian pao chuang e xing tian pao chuang
L10.101|增殖性天疱疮(诺伊曼氏病)|zeng zhi xing tian pao chuang nuo yi man shi bing
L10.201|落叶状天疱疮[卡泽内夫氏病]|luo ye zhuang tian pao chuang ka ze nei fu shi bing
L10.351|巴西天疱疮|ba xi tian pao chuang
L10.401|红斑性天疱疮[厄谢尔－赛尼尔病]|hong ban xing tian pao chuang e xie er sai ni er bing
L10.551|药物性天疱疮|yao wu xing tian pao chuang
L10.801|疱疹样天疱疮|pao zhen yang tian pao chuang
L10.901|天疱疮 NOS|tian pao chuang
L11.051|后天性毛囊角化病|hou tian xing mao nang jiao hua bing
L11.151|短暂性棘皮松解皮肤病[格罗弗]|duan zan xing ji pi song jie pi fu bing ge luo fu
L11.851|其他特指皮肤棘层松解性疾患|qi ta te zhi pi fu ji ceng song jie xing ji huan
L11.951|皮肤棘层松解性疾患 NOS|pi fu ji ceng song jie xing ji huan
L12.001|大疱性类天疱疮|da pao xing lei tian pao chuang
L12.051|老年性疱疹样皮炎|lao nian xing pao zhen yang pi yan
L12.101|良性粘膜类天疱疮(瘢痕性类天疱疮)|liang xing nian mo lei tian pao chuang ban hen xing lei tian pao chuang
L12.151|眼类天疱疮|yan lei tian pao chuang
L12.251|幼年性疱疹样皮炎|you nian xing pao zhen yang pi yan
L12.351|后天性大疱性表皮松解|hou tian xing da pao xing biao pi song jie
L12.801|慢性局限性类天疱疮|man xing ju xian xing lei tian pao chuang
L12.851|环形疱疹样大疱病|huan xing pao zhen yang da pao bing
L12.901|类天疱疮 NOS|lei tian pao chuang
L13.001|多形性疱疹样皮炎[杜林氏病]|duo xing xing pao zhen yang pi yan du lin shi bing
L13.051|疱疹性水疱|pao zhen xing shui pao
L13.151|斯内登－威尔金森病|si nei deng wei er jin sen bing
L13.152|角质层下小脓疱性皮炎|jiao zhi ceng xia xiao nong pao xing pi yan
L13.801|线状IgA大疱性皮炎|xian zhuang da pao xing pi yan
L13.851|其他特指大疱性皮炎|qi ta te zhi da pao xing pi yan
L13.901|大疱病|da pao bing
L13.951|大泡性皮炎 NOS|da pao xing pi yan
L20.051|贝尼耶痒疹|bei ni ye yang zhen
L20.801|泛发性神经性皮炎|fan fa xing shen jing xing pi yan
L20.804|弥漫性神经性皮炎|mi man xing shen jing xing pi yan
L20.805|新生儿皮肤湿疹|xin sheng er pi fu shi zhen
L20.806|婴儿湿疹|ying er shi zhen
L20.851|播散性神经性皮炎|bo san xing shen jing xing pi yan
L20.852|特应性神经性皮炎|te ying xing shen jing xing pi yan
L20.853|内因性(变应性)湿疹|nei yin xing bian ying xing shi zhen
L20.854|屈部湿疹|qu bu shi zhen
L20.901|特应性皮炎|te ying xing pi yan
L21.001|头皮糠疹|tou pi kang zhen
L21.051|发部皮脂溢|fa bu pi zhi yi
L21.052|干性皮脂溢|gan xing pi zhi yi
L21.053|乳痂|ru jia
L21.151|婴儿脱屑性红皮病[莱纳氏病]|ying er tuo xie xing hong pi bing lai na shi bing
L21.152|婴儿脂溢性皮炎|ying er zhi yi xing pi yan
L21.851|其他脂溢性皮炎|qi ta zhi yi xing pi yan
L21.901|脂溢性皮炎|zhi yi xing pi yan
L21.902|脂溢性湿疹|zhi yi xing shi zhen
L22.X01|尿布性皮炎|niao bu xing pi yan
L22.X02|尿布疹(臀部红斑)|niao bu zhen tun bu hong ban
L22.X51|红斑尿布|hong ban niao bu
L22.X52|银屑病样尿布|yin xie bing yang niao bu
L23.051|铬引起的变应性接触性皮炎|ge yin qi de bian ying xing jie chu xing pi yan
L23.052|镍引起的变应性接触性皮炎|nie yin qi de bian ying xing jie chu xing pi yan
L23.151|粘性物质引起的变应性接触性皮炎|nian xing wu zhi yin qi de bian ying xing jie chu xing pi yan
L23.251|化妆品引起的变应性接触性皮炎|hua zhuang pin yin qi de bian ying xing jie chu xing pi yan
L23.351|药物接触性变应性皮炎|yao wu jie chu xing bian ying xing pi yan
L23.451|染料引起的变应性接触性皮炎|ran liao yin qi de bian ying xing jie chu xing pi yan
L23.551|其他化学产品接触性变应性皮炎|qi ta hua xue chan pin jie chu xing bian ying xing pi yan
L23.651|食物接触皮肤引起的性变应性皮炎|shi wu jie chu pi fu yin qi de xing bian ying xing pi yan
L23.652|食物变态反应(食物过敏)|shi wu bian tai fan ying shi wu guo min
L23.751|植物接触性变应性皮炎|zhi wu jie chu xing bian ying xing pi yan
L23.851|其他物质引起的变应性接触性皮炎|qi ta wu zhi yin qi de bian ying xing jie chu xing pi yan
L23.852|皮毛过敏性皮炎|pi mao guo min xing pi yan
L23.901|过敏性皮炎(湿疹)|guo min xing pi yan shi zhen
L23.951|溶剂类接触性变应性皮炎|rong ji lei jie chu xing bian ying xing pi yan
L24.051|去污剂引起的刺激性接触性皮炎|qu wu ji yin qi de ci ji xing jie chu xing pi yan
L24.052|洗涤剂过敏引起的皮炎|xi di ji guo min yin qi de pi yan
L24.151|油脂引起的刺激性接触性皮炎|you zhi yin qi de ci ji xing jie chu xing pi yan
L24.251|氯化物溶剂引起的刺激性接触性皮炎|lv hua wu rong ji yin qi de ci ji xing jie chu xing pi yan
L24.252|甘醇溶剂引起的刺激性接触性皮炎|gan chun rong ji yin qi de ci ji xing jie chu xing pi yan
L24.351|化妆品引起的刺激性接触性皮炎|hua zhuang pin yin qi de ci ji xing jie chu xing pi yan
L24.451|药物接触性皮肤引起的刺激性接触性皮炎|yao wu jie chu xing pi fu yin qi de ci ji xing jie chu xing pi yan
L24.452|酒精性皮炎|jiu jing xing pi yan
L24.551|化学产品引起的刺激性接触性皮炎|hua xue chan pin yin qi de ci ji xing jie chu xing pi yan
L24.651|食物接触性皮肤引起的刺激性接触性皮炎|shi wu jie chu xing pi fu yin qi de ci ji xing jie chu xing pi yan
L24.751|植物引起的刺激性接触性皮炎，除食物外|zhi wu yin qi de ci ji xing jie chu xing pi yan chu shi wu wai
L24.851|刺毛虫皮炎|ci mao chong pi yan
L24.852|染料接触性刺激性皮炎|ran liao jie chu xing ci ji xing pi yan
L24.853|桑毛虫皮炎|sang mao chong pi yan
L24.854|松毛虫皮炎|song mao chong pi yan
L24.855|斑螯皮炎|ban ao pi yan
L24.901|刺激性皮炎|ci ji xing pi yan
L24.951|刺激性接触性湿疹|ci ji xing jie chu xing shi zhen
L25.001|化妆品皮炎|hua zhuang pin pi yan
L25.101|药物接触性皮炎|yao wu jie chu xing pi yan
L25.201|染发性皮炎|ran fa xing pi yan
L25.202|染料接触性皮炎|ran liao jie chu xing pi yan
L25.301|汞接触性皮炎|gong jie chu xing pi yan
L25.302|化学品接触性皮炎|hua xue pin jie chu xing pi yan
L25.303|溶剂类接触性皮炎|rong ji lei jie chu xing pi yan
L25.351|化纤引起的未特指的皮炎[化纤接触性皮炎]|hua xian yin qi de wei te zhi de pi yan hua xian jie chu xing pi yan
L25.451|食物引起的未特指的接触性皮炎|shi wu yin qi de wei te zhi de jie chu xing pi yan
L25.452|洗鱼类引起的皮炎|xi yu lei yin qi de pi yan
L25.501|植物接触性皮炎|zhi wu jie chu xing pi yan
L25.551|稻农皮炎(稻田皮炎)|dao nong pi yan dao tian pi yan
L25.801|昆虫性皮炎|kun chong xing pi yan
L25.851|其他物质引起的未特指的接触性皮炎|qi ta wu zhi yin qi de wei te zhi de jie chu xing pi yan
L25.901|接触性皮炎 NOS|jie chu xing pi yan
L25.951|职业性皮炎|zhi ye xing pi yan
L25.952|接触性湿疹 NOS|jie chu xing shi zhen
L26.X01|剥脱性皮炎|bao tuo xing pi yan
L26.X51|黑布拉糠疹|hei bu la kang zhen
L27.001|荨麻疹型药疹|qian ma zhen xing yao zhen
L27.002|药物性红斑|yao wu xing hong ban
L27.003|药物性皮炎(药物疹)|yao wu xing pi yan yao wu zhen
L27.051|药物性全身性红斑|yao wu xing quan shen xing hong ban
L27.052|药物性全身性皮炎|yao wu xing quan shen xing pi yan
L27.101|固定性药疹|gu ding xing yao zhen
L27.151|药物引起的局部性皮疹|yao wu yin qi de ju bu xing pi zhen
L27.201|食物性皮炎(摄入)|shi wu xing pi yan she ru
L27.851|其他内服物质引起的皮炎|qi ta nei fu wu zhi yin qi de pi yan
L27.951|内服物质引起的皮炎 NOS|nei fu wu zhi yin qi de pi yan
L28.001|单纯性苔癣|dan chun xing tai xuan
L28.002|局限性神经性皮炎(慢性单纯性苔癣)|ju xian xing shen jing xing pi yan man xing dan chun xing tai xuan
L28.003|神经性皮炎[维达耳氏病]|shen jing xing pi yan wei da er shi bing
L28.004|苔癣|tai xuan
L28.005|苔癣样皮炎|tai xuan yang pi yan
L28.051|肥大性湿疹|fei da xing shi zhen
L28.052|慢性单纯性苔癣|man xing dan chun xing tai xuan
L28.101|结节性痒疹[海德氏病]|jie jie xing yang zhen hai de shi bing
L28.201|丘疹性荨麻疹(荨麻疹性苔癣)(婴儿苔癣)[渗出性多形性红斑]|qiu zhen xing qian ma zhen qian ma zhen xing tai xuan ying er tai xuan shen chu xing duo xing xing hong ban
L28.202|痒疹|yang zhen
L28.251|黑布拉痒疹|hei bu la yang zhen
L29.001|肛门搔痒症|gang men sao yang zheng
L29.101|阴囊瘙痒症|yin nang sao yang zheng
L29.201|外阴搔痒症|wai yin sao yang zheng
L29.351|肛门生殖器瘙痒症 NOS|gang men sheng zhi qi sao yang zheng
L29.801|老年搔痒症|lao nian sao yang zheng
L29.802|生殖器搔痒症|sheng zhi qi sao yang zheng
L29.901|搔痒症|sao yang zheng
L30.001|钱币状湿疹(皮炎)|qian bi zhuang shi zhen pi yan
L30.101|汗疱症|han pao zheng
L30.201|自体过敏性皮炎(自体过敏性湿疹)|zi ti guo min xing pi yan zi ti guo min xing shi zhen
L30.301|传染性湿疹样皮炎[恩格曼氏病]|chuan ran xing shi zhen yang pi yan en ge man shi bing
L30.451|擦烂[间擦疹]|ca lan jian ca zhen
L30.452|擦烂红斑|ca lan hong ban
L30.501|白色糠疹[面部单纯糠疹]|bai se kang zhen mian bu dan chun kang zhen
L30.801|季节性大疱性皮炎|ji jie xing da pao xing pi yan
L30.802|胼胝性湿疹|pian zhi xing shi zhen
L30.851|搔痒性皮炎|sao yang xing pi yan
L30.852|异位性皮炎|yi wei xing pi yan
L30.853|肢皮炎|zhi pi yan
L30.901|皮炎|pi yan
L30.902|湿疹|shi zhen
L30.903|湿疹样皮炎|shi zhen yang pi yan
L30.904|阴囊湿疹|yin nang shi zhen
L30.951|眼睑湿疹|yan jian shi zhen
L30.952|糠疹|kang zhen
L40.001|寻常性银屑病|xun chang xing yin xie bing
L40.051|钱币形牛皮癣|qian bi xing niu pi xuan
L40.052|斑块状牛皮癣|ban kuai zhuang niu pi xuan
L40.101|脓疱性银屑病|nong pao xing yin xie bing
L40.102|疱疹样脓疱病|pao zhen yang nong pao bing
L40.251|匐行性皮炎|fu xing xing pi yan
L40.252|持续性肢皮炎[阿烙波肢皮炎]|chi xu xing zhi pi yan a lao bo zhi pi yan
L40.351|掌跖脓疱病|zhang zhi nong pao bing
L40.401|滴状银屑病|di zhuang yin xie bing
L40.501|牛皮癣性关节炎[银屑病性关节炎]|niu pi xuan xing guan jie yan yin xie bing xing guan jie yan
L40.801|红皮病性银屑病(银屑病性红皮病)|hong pi bing xing yin xie bing yin xie bing xing hong pi bing
L40.802|银屑病性肾炎|yin xie bing xing shen yan
L40.851|环状(威兰氏癣)牛皮癣|huan zhuang wei lan shi xuan niu pi xuan
L40.852|屈侧牛皮癣|qu ce niu pi xuan
L40.951|银屑病[牛皮癣]|yin xie bing niu pi xuan
L41.051|穆哈－黑贝曼病|mu ha hei bei man bing
L41.052|苔癣痘疹样糠疹|tai xuan dou zhen yang kang zhen
L41.101|滴状类银屑病(慢性苔癣样糠疹，慢性痘疮样糠疹)|di zhuang lei yin xie bing man xing tai xuan yang kang zhen man xing dou chuang yang kang zhen
L41.251|淋巴瘤样丘疹病|lin ba liu yang qiu zhen bing
L41.351|小斑块状类牛皮癣|xiao ban kuai zhuang lei niu pi xuan
L41.451|大斑块状类牛皮癣|da ban kuai zhuang lei niu pi xuan
L41.551|网状类牛皮癣|wang zhuang lei niu pi xuan
L41.801|斑状类银屑病[持久性黄色红皮病]|ban zhuang lei yin xie bing chi jiu xing huang se hong pi bing
L41.901|类银屑病|lei yin xie bing
L42.X01|玫瑰糠疹[吉伯特氏病]|mei gui kang zhen ji bo te shi bing
L42.X51|环形糠疹|huan xing kang zhen
L43.051|肥大性扁平苔癣|fei da xing bian ping tai xuan
L43.151|大疱性扁平苔癣|da pao xing bian ping tai xuan
L43.251|苔癣样药物反应|tai xuan yang yao wu fan ying
L43.351|热带扁平苔癣|re dai bian ping tai xuan
L43.851|其他扁平苔癣|qi ta bian ping tai xuan
L43.901|扁平苔癣|bian ping tai xuan
L44.001|毛发红糠疹[德佛扎氏病、红苔癣]|mao fa hong kang zhen de fo zha shi bing hong tai xuan
L44.151|光泽苔癣|guang ze tai xuan
L44.251|条纹状苔癣|tiao wen zhuang tai xuan
L44.351|念珠状苔癣|nian zhu zhuang tai xuan
L44.451|婴儿丘疹性皮炎[詹诺托－克罗斯蒂]|ying er qiu zhen xing pi yan zhan nuo tuo ke luo si di
L44.851|链性红斑|lian xing hong ban
L50.001|变应性荨麻疹|bian ying xing qian ma zhen
L50.151|非变应性荨麻疹|fei bian ying xing qian ma zhen
L50.251|热荨麻疹|re qian ma zhen
L50.252|冷荨麻疹|leng qian ma zhen
L50.301|人为性荨麻疹|ren wei xing qian ma zhen
L50.451|震动性荨麻疹|zhen dong xing qian ma zhen
L50.501|胆碱能性荨麻疹|dan jian neng xing qian ma zhen
L50.651|接触性荨麻疹|jie chu xing qian ma zhen
L50.801|急性荨麻疹|ji xing qian ma zhen
L50.802|慢性荨麻疹|man xing qian ma zhen
L50.851|复发性周期性荨麻疹|fu fa xing zhou qi xing qian ma zhen
L50.852|感染性荨麻疹|gan ran xing qian ma zhen
L50.901|荨麻疹 NOS|qian ma zhen
L51.051|非大疱型多形红斑|fei da pao xing duo xing hong ban
L51.101|史蒂文斯-约翰逊二氏病(糜烂性多形红斑)|shi di wen si yue han xun er shi bing mi lan xing duo xing hong ban
L51.151|环状疱疹(大疱型多形红斑)|huan zhuang pao zhen da pao xing duo xing hong ban
L51.201|莱尔氏综合征(中毒性表皮坏死松解)|lai er shi zong he zheng zhong du xing biao pi huai si song jie
L51.202|烫伤样皮肤综合征(中毒性表皮坏死)[莱尔综合征]|tang shang yang pi fu zong he zheng zhong du xing biao pi huai si lai er zong he zheng
L51.851|多形性红斑关节病|duo xing xing hong ban guan jie bing
L51.901|多形红斑(渗出性多形红斑)|duo xing hong ban shen chu xing duo xing hong ban
L52.X01|结节性红斑|jie jie xing hong ban
L52.X02|硬红斑|ying hong ban
L52.X51|结节性红斑关节病|jie jie xing hong ban guan jie bing
L53.001|中毒性红斑|zhong du xing hong ban
L53.051|中毒性皮肤疹|zhong du xing pi fu zhen
L53.101|环形红斑|huan xing hong ban
L53.251|边缘性红斑|bian yuan xing hong ban
L53.351|其他慢性回状红斑|qi ta man xing hui zhuang hong ban
L53.851|固定性红斑|gu ding xing hong ban
L53.852|猩红热样红斑|xing hong re yang hong ban
L53.901|红斑 NOS|hong ban
L53.902|红皮病|hong pi bing
L55.001|日晒红斑|ri shai hong ban
L55.051|Ⅰ度晒伤|du shai shang
L55.151|Ⅱ度晒伤|du shai shang
L55.251|Ⅲ度晒伤|du shai shang
L55.851|其他晒伤|qi ta shai shang
L55.951|晒伤 NOS|shai shang
L56.051|药物光毒性反应|yao wu guang du xing fan ying
L56.151|药物光变应反应|yao wu guang bian ying fan ying
L56.251|光接触性皮炎[香料皮炎]|guang jie chu xing pi yan xiang liao pi yan
L56.351|日光性荨麻疹|ri guang xing qian ma zhen
L56.451|夏季水疱|xia ji shui pao
L56.452|哈钦森夏季疹|ha qin sen xia ji zhen
L56.851|光化性唇炎[光照性唇炎]|guang hua xing chun yan guang zhao xing chun yan
L56.951|紫外线辐射引起的急性皮肤改变|zi wai xian fu she yin qi de ji xing pi fu gai bian
L57.001|老年性角化病|lao nian xing jiao hua bing
L57.051|日光性角化病|ri guang xing jiao hua bing
L57.052|角化病 NOS|jiao hua bing
L57.151|光化性类网状细胞增多症|guang hua xing lei wang zhuang xi bao zeng duo zheng
L57.251|颈部菱形皮|jing bu ling xing pi
L57.351|西瓦特皮肤异色病|xi wa te pi fu yi se bing
L57.451|老年性皮肤松垂|lao nian xing pi fu song chui
L57.551|光化性肉芽肿|guang hua xing rou ya zhong
L57.801|光照性皮炎|guang zhao xing pi yan
L57.951|慢性暴露于非电离辐射下引起的未特指的皮肤改变|man xing bao lu yu fei dian li fu she xia yin qi de wei te zhi de pi fu gai bian
L58.051|急性放射性皮炎|ji xing fang she xing pi yan
L58.151|慢性放射性皮炎|man xing fang she xing pi yan
L58.901|放射性皮炎 NOS|fang she xing pi yan
L59.051|火激皮炎[火激红斑]|huo ji pi yan huo ji hong ban
L59.851|与辐射有关的其他特指皮肤疾患|yu fu she you guan de qi ta te zhi pi fu ji huan
L59.951|与辐射有关的皮肤和皮下组织疾患 NOS|yu fu she you guan de pi fu he pi xia zu zhi ji huan
L60.001|嵌甲|qian jia
L60.151|甲脱离(甲分离症)|jia tuo li jia fen li zheng
L60.251|甲弯曲|jia wan qu
L60.301|脆甲症|cui jia zheng
L60.351|甲肥大|jia fei da
L60.451|博氏线|bo shi xian
L60.551|黄甲综合征|huang jia zong he zheng
L60.801|甲床角化过度|jia chuang jiao hua guo du
L60.802|指(趾)甲下出血|zhi zhi jia xia chu xue
L60.851|扁平指(趾)甲|bian ping zhi zhi jia
L60.852|反甲[凹甲；匙状甲]|fan jia ao jia chi zhuang jia
L60.853|趾甲周新生物|zhi jia zhou xin sheng wu
L60.951|甲疾患 NOS|jia ji huan
L63.051|头部全秃|tou bu quan tu
L63.151|全身脱毛|quan shen tuo mao
L63.251|匐行性脱发|fu xing xing tuo fa
L63.851|其他局限性脱发|qi ta ju xian xing tuo fa
L63.901|斑秃 NOS|ban tu
L64.051|药物性脱发|yao wu xing tuo fa
L64.851|其他雄激素性脱发|qi ta xiong ji su xing tuo fa
L64.951|雄激素性脱发 NOS|xiong ji su xing tuo fa
L65.051|静止期脱发|jing zhi qi tuo fa
L65.151|再生期脱发|zai sheng qi tuo fa
L65.251|粘蛋白性脱发|nian dan bai xing tuo fa
L65.851|其他特指非瘢痕性毛发缺乏|qi ta te zhi fei ban hen xing mao fa que fa
L65.901|早老性脱发|zao lao xing tuo fa
L65.902|脂溢性脱发|zhi yi xing tuo fa
L65.903|毛发稀少症|mao fa xi shao zheng
L65.904|脱发 NOS|tuo fa
L66.051|假斑秃|jia ban tu
L66.151|毛发扁平苔癣|mao fa bian ping tai xuan
L66.251|脱发性痤疮[毛囊炎][坎科氏病]|tuo fa xing cuo chuang mao nang yan kan ke shi bing
L66.351|脓肿性头部毛囊周围炎|nong zhong xing tou bu mao nang zhou wei yan
L66.451|网状红斑萎缩性毛囊炎|wang zhuang hong ban wei suo xing mao nang yan
L66.851|其他瘢痕性脱发|qi ta ban hen xing tuo fa
L66.951|瘢痕性脱发 NOS|ban hen xing tuo fa
L67.051|结节性脆发病|jie jie xing cui fa bing
L67.151|发色异常|fa se yi chang
L67.152|后天性局限性白发|hou tian xing ju xian xing bai fa
L67.153|毛发异色|mao fa yi se
L67.154|灰发|hui fa
L67.851|脆发症|cui fa zheng
L67.951|毛色异常 NOS|mao se yi chang
L67.952|毛干异常 NOS|mao gan yi chang
L68.051|男性型多毛症|nan xing xing duo mao zheng
L68.151|后天性胎毛过多|hou tian xing tai mao guo duo
L68.251|局限性多毛症|ju xian xing duo mao zheng
L68.301|多毛症|duo mao zheng
L68.851|其他多毛症|qi ta duo mao zheng
L68.951|多毛症 NOS|duo mao zheng
L70.001|粉刺|fen ci
L70.002|脓疱性痤疮|nong pao xing cuo chuang
L70.151|聚会性痤疮|ju hui xing cuo chuang
L70.251|痘样痤疮|dou yang cuo chuang
L70.252|坏死性痤疮|huai si xing cuo chuang
L70.253|粟粒性坏死性痤疮|su li xing huai si xing cuo chuang
L70.351|热带痤疮|re dai cuo chuang
L70.451|婴儿痤疮|ying er cuo chuang
L70.551|表皮脱落性痤疮|biao pi tuo luo xing cuo chuang
L70.851|其他痤疮|qi ta cuo chuang
L70.901|痤疮 NOS|cuo chuang
L71.001|口周皮炎|kou zhou pi yan
L71.151|鼻赘[肥大性酒糟鼻]|bi zhui fei da xing jiu zao bi
L71.851|其他酒渣鼻|qi ta jiu zha bi
L71.901|酒渣鼻 NOS|jiu zha bi
L72.001|表皮样囊肿|biao pi yang nang zhong
L72.002|躯干皮下囊肿|qu gan pi xia nang zhong
L72.003|头颈部皮下囊肿|tou jing bu pi xia nang zhong
L72.101|皮脂囊肿(粉瘤)|pi zhi nang zhong fen liu
L72.151|科克特殊性瘤|ke ke te shu xing liu
L72.152|耳廓假性囊肿|er kuo jia xing nang zhong
L72.153|毛发囊肿|mao fa nang zhong
L72.201|多发性脂囊瘤(皮脂囊瘤病)|duo fa xing zhi nang liu pi zhi nang liu bing
L72.251|皮肤粉瘤|pi fu fen liu
L72.252|脂囊瘤|zhi nang liu
L72.851|其他皮肤滤泡囊肿|qi ta pi fu lv pao nang zhong
L72.901|耳后囊肿|er hou nang zhong
L72.951|皮肤滤泡囊肿 NOS|pi fu lv pao nang zhong
L73.051|痤疮性瘢瘤|cuo chuang xing ban liu
L73.151|须部假毛囊炎|xu bu jia mao nang yan
L73.201|化脓性汗腺炎|hua nong xing han xian yan
L73.251|汗腺炎|han xian yan
L73.252|化脓性破坏性汗腺炎[波利策氏病]|hua nong xing po huai xing han xian yan bo li ce shi bing
L73.801|须疮|xu chuang
L73.851|滤泡性皮炎|lv pao xing pi yan
L73.852|老年性皮脂腺增生(病-皮脂腺)|lao nian xing pi zhi xian zeng sheng bing pi zhi xian
L73.901|毛囊炎|mao nang yan
L73.951|皮脂腺病|pi zhi xian bing
L73.952|毛囊周围炎|mao nang zhou wei yan
L74.001|痱子(粟疹；汗疹)|fei zi su zhen han zhen
L74.051|红粟疹|hong su zhen
L74.151|晶状粟疹|jing zhuang su zhen
L74.251|深粟疹|shen su zhen
L74.252|热带粟疹|re dai su zhen
L74.351|胶状粟粒疹|jiao zhuang su li zhen
L74.401|无汗|wu han
L74.851|其他外分泌汗腺疾患|qi ta wai fen mi han xian ji huan
L74.951|汗腺疾病 NOS|han xian ji bing
L75.051|汗臭(腋臭)|han chou ye chou
L75.151|色汗症|se han zheng
L75.201|福克斯-福代斯病[干性粟粒疹综合征]|fu ke si fu dai si bing gan xing su li zhen zong he zheng
L75.251|顶(浆分)泌腺粟疹|ding jiang fen mi xian su zhen
L75.851|其他顶(浆分)泌汗腺疾患|qi ta ding jiang fen mi han xian ji huan
L75.951|顶(浆分)泌腺疾患 NOS|ding jiang fen mi xian ji huan
L80.X01|白斑[白癜风]|bai ban bai dian feng
L81.051|炎症后色素沉着过度|yan zheng hou se su chen zhuo guo du
L81.151|褐黄斑|he huang ban
L81.251|雀斑|que ban
L81.351|咖啡斑|ka fei ban
L81.352|牛奶斑|niu nai ban
L81.451|瑞氏黑变病|rui shi hei bian bing
L81.452|黑皮病|hei pi bing
L81.453|黑色素沉着症|hei se su chen zhuo zheng
L81.454|先天性着色斑|xian tian xing zhuo se ban
L81.551|白斑病|bai ban bing
L81.601|皮肤异色病|pi fu yi se bing
L81.651|黑色素形成减少的其他疾患|hei se su xing cheng jian shao de qi ta ji huan
L81.751|尚贝格色素皮肤病[进行性色素沉着性紫癜性皮肤病]|shang bei ge se su pi fu bing jin xing xing se su chen zhuo xing zi dian xing pi fu bing
L81.752|匐行性血管瘤|fu xing xing xue guan liu
L81.801|纹身|wen shen
L81.851|皮肤色素沉着|pi fu se su chen zhuo
L81.951|色素皮肤病|se su pi fu bing
L82.X01|老年疣|lao nian you
L82.X02|脂溢性角化症[基底细胞乳头状瘤]|zhi yi xing jiao hua zheng ji di xi bao ru tou zhuang liu
L82.X51|莱泽－特雷拉特病|lai ze te lei la te bing
L83.X01|黑棘皮病(黑色角化病)|hei ji pi bing hei se jiao hua bing
L83.X02|假黑棘皮病|jia hei ji pi bing
L83.X51|融合性网状乳头状瘤[古热罗－卡尔托病或综合征]|rong he xing wang zhuang ru tou zhuang liu gu re luo ka er tuo bing huo zong he zheng
L84.X01|鸡眼|ji yan
L84.X02|胼胝|pian zhi
L85.051|后天性鱼鳞癣|hou tian xing yu lin xuan
L85.101|皮肤角化病[后天性掌跖角化病)|pi fu jiao hua bing hou tian xing zhang zhi jiao hua bing
L85.251|点状角化病(掌跖)|dian zhuang jiao hua bing zhang zhi
L85.351|皮肤干燥症|pi fu gan zao zheng
L85.352|皮肤干燥性皮炎|pi fu gan zao xing pi yan
L85.801|角化棘皮瘤|jiao hua ji pi liu
L85.802|皮角|pi jiao
L85.803|皮脂腺痣|pi zhi xian zhi
L85.951|角化过度|jiao hua guo du
L85.952|皮肤上皮增生|pi fu shang pi zeng sheng
L87.051|毛囊周角化病[克尔]|mao nang zhou jiao hua bing ke er
L87.151|反应性穿孔性胶原病|fan ying xing chuan kong xing jiao yuan bing
L87.251|匐行穿孔性弹性组织变性|fu xing chuan kong xing tan xing zu zhi bian xing
L87.851|其他经表皮排除疾患|qi ta jing biao pi pai chu ji huan
L87.951|经表皮排除疾患 NOS|jing biao pi pai chu ji huan
L88.X01|坏疽性脓皮病|huai ju xing nong pi bing
L88.X51|坏疽性皮炎|huai ju xing pi yan
L88.X52|蚀疮性脓皮症|shi chuang xing nong pi zheng
L89.X01|褥疮|ru chuang
L89.X51|石膏溃疡|shi gao kui yang
L90.001|硬化性萎缩性苔癣[白点病]|ying hua xing wei suo xing tai xuan bai dian bing
L90.151|施韦宁格尔－布齐(有斑)皮肤松施|shi wei ning ge er bu qi you ban pi fu song shi
L90.251|雅棕松－佩利扎里(有斑)皮肤松施|ya zong song pei li zha li you ban pi fu song shi
L90.351|特发性皮肤萎缩|te fa xing pi fu wei suo
L90.451|慢性萎缩性肢皮炎|man xing wei suo xing zhi pi yan
L90.501|瘢痕挛缩|ban hen luan suo
L90.502|瘢痕|ban hen
L90.503|手术后瘢痕|shou shu hou ban hen
L90.551|痛性瘢痕|tong xing ban hen
L90.552|下肢瘢痕|xia zhi ban hen
L90.553|粘连性瘢痕|nian lian xing ban hen
L90.554|瘢痕畸形|ban hen ji xing
L90.555|手部瘢痕|shou bu ban hen
L90.556|上肢瘢痕|shang zhi ban hen
L90.557|颈部瘢痕|jing bu ban hen
L90.558|面部瘢痕|mian bu ban hen
L90.651|萎缩纹|wei suo wen
L90.801|皮肤(老年性)萎缩|pi fu lao nian xing wei suo
L90.851|斑点状皮肤萎缩|ban dian zhuang pi fu wei suo
L90.951|皮肤萎缩|pi fu wei suo
L90.952|颜面部萎缩|yan mian bu wei suo
L91.001|瘢痕疙瘩|ban hen ge da
L91.051|肥大性瘢痕|fei da xing ban hen
L91.851|皮肤赘生物|pi fu zhui sheng wu
L91.951|皮肤肥大性疾患 NOS|pi fu fei da xing ji huan
L92.051|环形肉芽肿|huan xing rou ya zhong
L92.151|脂性渐进性坏死[奥本海姆－乌尔巴赫病]|zhi xing jian jin xing huai si ao ben hai mu wu er ba he bing
L92.201|嗜酸性淋巴肉芽肿|shi suan xing lin ba rou ya zhong
L92.251|面部肉芽肿[皮肤嗜酸性细胞肉芽肿]|mian bu rou ya zhong pi fu shi suan xing xi bao rou ya zhong
L92.301|皮下异物肉芽肿|pi xia yi wu rou ya zhong
L92.851|其他皮肤肉芽肿性疾患|qi ta pi fu rou ya zhong xing ji huan
L92.901|肉芽肿 NOS|rou ya zhong
L92.951|皮肤炎性肉芽肿|pi fu yan xing rou ya zhong
L92.952|赘生肉芽|zhui sheng rou ya
L93.001|红斑狼疮|hong ban lang chuang
L93.002|盘状红斑狼疮(DLE)|pan zhuang hong ban lang chuang
L93.051|比耶特氏病|bi ye te shi bing
L93.151|亚急性皮肤红斑狼疮|ya ji xing pi fu hong ban lang chuang
L93.251|局限性红斑狼疮|ju xian xing hong ban lang chuang
L93.252|深部红斑狼疮|shen bu hong ban lang chuang
L93.253|狼疮脂膜炎|lang chuang zhi mo yan
L94.051|艾迪森氏瘢痕疙瘩(瘤)|ai di sen shi ban hen ge da liu
L94.052|局限性硬皮病[硬斑病]|ju xian xing ying pi bing ying ban bing
L94.151|线状硬皮病|xian zhuang ying pi bing
L94.152|类军刀伤损害|lei jun dao shang sun hai
L94.201|皮下钙化|pi xia gai hua
L94.251|皮内钙质沉着|pi nei gai zhi chen zhuo
L94.351|指[趾]硬皮病|zhi zhi ying pi bing
L94.451|戈特龙丘疹|ge te long qiu zhen
L94.551|血管性萎缩性皮肤异色症(病)|xue guan xing wei suo xing pi fu yi se zheng bing
L94.651|自发性断趾病[阿洪病]|zi fa xing duan zhi bing a hong bing
L94.851|其他特指的局限性结缔组织疾患|qi ta te zhi de ju xian xing jie di zu zhi ji huan
L94.951|局限性结缔组织疾患 NOS|ju xian xing jie di zu zhi ji huan
L95.051|白色(斑块状)萎缩症|bai se ban kuai zhuang wei suo zheng
L95.052|青斑脉管炎|qing ban mai guan yan
L95.101|持久隆起性红斑[伯里病]|chi jiu long qi xing hong ban bo li bing
L95.801|结节性脉管炎|jie jie xing mai guan yan
L95.851|特指的局限于皮肤的血(脉)管炎|te zhi de ju xian yu pi fu de xue mai guan yan
L95.901|白细胞碎裂性血管炎|bai xi bao sui lie xing xue guan yan
L95.902|荨麻疹形血管炎|qian ma zhen xing xue guan yan
L95.951|局限于皮肤的脉管炎 NOS|ju xian yu pi fu de mai guan yan
L97.X01|下肢溃疡|xia zhi kui yang
L97.X02|足溃疡|zu kui yang
L98.001|化脓性肉芽肿(毛细管扩张性肉芽肿)|hua nong xing rou ya zhong mao xi guan kuo zhang xing rou ya zhong
L98.151|神经性表皮脱落|shen jing xing biao pi tuo luo
L98.201|急性发热性中性白细胞皮肤病|ji xing fa re xing zhong xing bai xi bao pi fu bing
L98.251|热性嗜中性皮肤病[斯威特皮肤病]|re xing shi zhong xing pi fu bing si wei te pi fu bing
L98.351|嗜酸细胞性蜂窝织炎[韦尔斯]|shi suan xi bao xing feng wo zhi yan wei er si
L98.401|腹壁溃疡|fu bi kui yang
L98.402|皮肤溃疡[沙漠疮；热带溃疡]|pi fu kui yang sha mo chuang re dai kui yang
L98.403|手溃疡|shou kui yang
L98.404|肘溃疡|zhou kui yang
L98.451|梅勒尼溃疡(慢性潜行性)|mei le ni kui yang man xing qian xing xing
L98.452|表浅皮肤溃疡|biao qian pi fu kui yang
L98.453|上肢溃疡|shang zhi kui yang
L98.454|臀部慢性溃疡|tun bu man xing kui yang
L98.551|皮肤粘蛋白沉积症|pi fu nian dan bai chen ji zheng
L98.552|病灶粘蛋白沉积症|bing zao nian dan bai chen ji zheng
L98.553|粘液水肿性苔癣|nian ye shui zhong xing tai xuan
L98.651|其他浸润性皮肤疾患|qi ta jin run xing pi fu ji huan
L98.802|耳后血肿骨化|er hou xue zhong gu hua
L98.803|皮肤淋巴细胞瘤|pi fu lin ba xi bao liu
L98.804|手术后皮下瘘|shou shu hou pi xia lou
L98.851|其他特指皮肤疾患|qi ta te zhi pi fu ji huan
L98.852|皮肤瘘管|pi fu lou guan
L98.901|皮肤肿物|pi fu zhong wu
L98.951|皮肤病|pi fu bing
M00.002|葡萄球菌性多关节炎|pu tao qiu jun xing duo guan jie yan
M00.091|葡萄球菌性关节炎|pu tao qiu jun xing guan jie yan
M00.102|肺炎球菌性多关节炎|fei yan qiu jun xing duo guan jie yan
M00.191|肺炎球菌性关节炎|fei yan qiu jun xing guan jie yan
M00.202|链球菌性多关节炎|lian qiu jun xing duo guan jie yan
M00.291|链球菌性关节炎|lian qiu jun xing guan jie yan
M00.802|大肠杆菌性多关节炎|da chang gan jun xing duo guan jie yan
M00.891|大肠杆菌性关节炎|da chang gan jun xing guan jie yan
M00.952|骨盆区和大腿的化脓性关节炎|gu pen qu he da tui de hua nong xing guan jie yan
M00.973|跖趾感染|zhi zhi gan ran
M00.984|感染性颞下颌关节炎|gan ran xing nie xia he guan jie yan
M00.991|感染性关节炎|gan ran xing guan jie yan
M00.992|化脓性关节炎|hua nong xing guan jie yan
M00.995|关节积脓|guan jie ji nong
M02.091|肠旁路术后关节病|chang pang lu shu hou guan jie bing
M02.191|痢疾后关节病|li ji hou guan jie bing
M02.291|血清性关节炎|xue qing xing guan jie yan
M02.301|莱特尔(尿道炎-结膜炎-关节炎)综合征|lai te er niao dao yan jie mo yan guan jie yan zong he zheng
M02.891|其他反应性关节病|qi ta fan ying xing guan jie bing
M02.901|反应性关节病 NOS|fan ying xing guan jie bing
M05.001|类风湿性关节炎合并脾大和白细胞减少[费尔蒂综合征]|lei feng shi xing guan jie yan he bing pi da he bai xi bao jian shao fei er di zong he zheng
M05.101|类风湿疾病肺改变|lei feng shi ji bing fei gai bian
M05.102|类风湿性肺泡炎|lei feng shi xing fei pao yan
M05.103|类风湿性弥漫性肺间质纤维化|lei feng shi xing mi man xing fei jian zhi xian wei hua
M05.104|类风湿性纤维化肺泡炎|lei feng shi xing xian wei hua fei pao yan
M05.105|类风湿尘肺[卡普兰综合征]|lei feng shi chen fei ka pu lan zong he zheng
M05.106|类风湿性肺病|lei feng shi xing fei bing
M05.201|类风湿性脉管炎|lei feng shi xing mai guan yan
M05.301|累及内脏的类风湿性关节炎|lei ji nei zang de lei feng shi xing guan jie yan
M05.302|累及全身的类风湿性关节炎|lei ji quan shen de lei feng shi xing guan jie yan
M05.303|类风湿性关节炎性心肌病|lei feng shi xing guan jie yan xing xin ji bing
M05.304|类风湿性多神经病|lei feng shi xing duo shen jing bing
M05.305|类风湿性心肌病|lei feng shi xing xin ji bing
M05.306|类风湿性关节炎伴心包炎|lei feng shi xing guan jie yan ban xin bao yan
M05.307|类风湿性心肌炎|lei feng shi xing xin ji yan
M05.308|类风湿性心脏病|lei feng shi xing xin zang bing
M05.309|类风湿性关节炎伴心炎|lei feng shi xing guan jie yan ban xin yan
M05.951|血清反应阳性的类风湿性关节炎 NOS|xue qing fan ying yang xing de lei feng shi xing guan jie yan
M06.001|血清反应阴性的类风湿性关节炎|xue qing fan ying yin xing de lei feng shi xing guan jie yan
M06.191|成年型斯蒂尔病或综合征[成人型类风湿性关节炎]|cheng nian xing si di er bing huo zong he zheng cheng ren xing lei feng shi xing guan jie yan
M06.291|类风湿性粘液囊炎|lei feng shi xing nian ye nang yan
M06.391|类风湿性结节|lei feng shi xing jie jie
M06.401|炎性多关节病|yan xing duo guan jie bing
M06.881|其他特指的类风湿性关节炎|qi ta te zhi de lei feng shi xing guan jie yan
M06.981|类风湿性颞下颌关节炎|lei feng shi xing nie xia he guan jie yan
M06.991|类风湿性关节炎 NOS|lei feng shi xing guan jie yan
M08.001|幼年型全身性类风湿性关节炎[变应性亚败血症]|you nian xing quan shen xing lei feng shi xing guan jie yan bian ying xing ya bai xue zheng
M08.101|幼年型关节强硬性脊椎炎|you nian xing guan jie qiang ying xing ji zhui yan
M08.202|幼年型全身性关节炎[斯蒂尔氏病]|you nian xing quan shen xing guan jie yan si di er shi bing
M08.203|幼年型关节炎伴全身性发病|you nian xing guan jie yan ban quan shen xing fa bing
M08.291|斯蒂尔病|si di er bing
M08.301|儿童类风湿病,多关节型|er tong lei feng shi bing duo guan jie xing
M08.302|幼年型多关节炎(血清反应阴性)|you nian xing duo guan jie yan xue qing fan ying yin xing
M08.393|慢性幼年型关节炎|man xing you nian xing guan jie yan
M08.491|少关节性幼年型关节炎|shao guan jie xing you nian xing guan jie yan
M08.891|其他幼年型关节炎|qi ta you nian xing guan jie yan
M08.991|幼年型关节炎 NOS|you nian xing guan jie yan
M10.091|痛风石|tong feng shi
M10.092|痛风性关节炎|tong feng xing guan jie yan
M10.093|痛风性滑囊炎|tong feng xing hua nang yan
M10.094|心痛风石|xin tong feng shi
M10.095|特发性痛风|te fa xing tong feng
M10.096|痛风性粘液囊炎|tong feng xing nian ye nang yan
M10.097|原发性痛风|yuan fa xing tong feng
M10.191|铅性痛风|qian xing tong feng
M10.291|药物性痛风|yao wu xing tong feng
M10.391|痛风性肾病|tong feng xing shen bing
M10.392|痛风性肾结石|tong feng xing shen jie shi
M10.495|其他继发性痛风|qi ta ji fa xing tong feng
M10.991|痛风 NOS|tong feng
M10.992|痛风结节|tong feng jie jie
M10.993|耳痛风石|er tong feng shi
M11.095|羟磷灰石沉着病|qiang lin hui shi chen zhuo bing
M11.195|家族性软骨钙沉着|jia zu xing ruan gu gai chen zhuo
M11.291|软骨钙沉着 NOS|ruan gu gai chen zhuo
M11.885|其他特指的晶体性关节病|qi ta te zhi de jing ti xing guan jie bing
M11.995|晶体性关节病 NOS|jing ti xing guan jie bing
M12.095|雅库氏综合征[慢性风湿病后关节病]|ya ku shi zong he zheng man xing feng shi bing hou guan jie bing
M12.191|大骨节病[卡斯钦-贝克病]|da gu jie bing ka si qin bei ke bing
M12.291|绒毛结节状滑膜炎(色素沉着的)|rong mao jie jie zhuang hua mo yan se su chen zhuo de
M12.395|复发性风湿病|fu fa xing feng shi bing
M12.495|间歇性关节积液(水)|jian xie xing guan jie ji ye shui
M12.585|创伤性颞下颌关节炎(病)|chuang shang xing nie xia he guan jie yan bing
M12.595|创伤性关节炎(病)|chuang shang xing guan jie yan bing
M12.891|短暂性关节炎|duan zan xing guan jie yan
M13.051|多关节炎 NOS|duo guan jie yan
M13.155|髋关节炎|kuan guan jie yan
M13.195|单关节炎 NEC|dan guan jie yan
M13.805|幼年型多关节炎|you nian xing duo guan jie yan
M13.885|颞下颌关节炎|nie xia he guan jie yan
M13.891|变应性关节炎|bian ying xing guan jie yan
M13.895|更年期关节炎|geng nian qi guan jie yan
M13.896|退变性关节炎|tui bian xing guan jie yan
M13.991|关节炎(病) NOS|guan jie yan bing
M15.005|原发性全身性(骨)关节病|yuan fa xing quan shen xing gu guan jie bing
M15.195|赫伯登结节(伴关节病)|he bo deng jie jie ban guan jie bing
M15.295|沙尔结节(伴关节病)|sha er jie jie ban guan jie bing
M15.305|继发性多发性关节病|ji fa xing duo fa xing guan jie bing
M15.306|创伤后多关节病|chuang shang hou duo guan jie bing
M15.495|侵蚀性(骨)关节病|qin shi xing gu guan jie bing
M15.805|海加思结节|hai jia si jie jie
M15.806|其他多关节病|qi ta duo guan jie bing
M15.905|慢性多发性对称性骨关节病|man xing duo fa xing dui chen xing gu guan jie bing
M16.055|原发性双侧髋关节病|yuan fa xing shuang ce kuan guan jie bing
M16.155|原发性单侧髋关节病|yuan fa xing dan ce kuan guan jie bing
M16.255|发育异常引起的双侧髋关节病|fa yu yi chang yin qi de shuang ce kuan guan jie bing
M16.355|发育异常性单侧髋关节病|fa yu yi chang xing dan ce kuan guan jie bing
M16.455|创伤后双侧髋关节病|chuang shang hou shuang ce kuan guan jie bing
M16.555|创伤后单侧髋关节病|chuang shang hou dan ce kuan guan jie bing
M16.655|继发性双侧髋关节病|ji fa xing shuang ce kuan guan jie bing
M16.755|继发性单侧髋关节病|ji fa xing dan ce kuan guan jie bing
M16.951|髋关节病 NOS|kuan guan jie bing
M17.065|原发性双侧膝关节病|yuan fa xing shuang ce xi guan jie bing
M17.165|原发性单侧膝关节病|yuan fa xing dan ce xi guan jie bing
M17.265|创伤后双侧膝关节病|chuang shang hou shuang ce xi guan jie bing
M17.365|创伤后单侧膝关节病|chuang shang hou dan ce xi guan jie bing
M17.465|其他继发性双侧膝关节病|qi ta ji fa xing shuang ce xi guan jie bing
M17.565|继发性单侧膝关节病|ji fa xing dan ce xi guan jie bing
M17.961|膝关节病 NOS|xi guan jie bing
M18.045|双侧第一腕掌关节的原发性关节病|shuang ce di yi wan zhang guan jie de yuan fa xing guan jie bing
M18.145|单侧第一腕掌关节的原发性关节病|dan ce di yi wan zhang guan jie de yuan fa xing guan jie bing
M18.245|双侧第一腕掌关节的创伤后关节病|shuang ce di yi wan zhang guan jie de chuang shang hou guan jie bing
M18.345|单侧第一腕掌关节的创伤后关节病|dan ce di yi wan zhang guan jie de chuang shang hou guan jie bing
M18.445|双侧第一腕掌关节的继发性关节病|shuang ce di yi wan zhang guan jie de ji fa xing guan jie bing
M18.545|单侧第一腕掌关节的继发性关节病|dan ce di yi wan zhang guan jie de ji fa xing guan jie bing
M18.945|第一腕掌关节的关节病 NOS|di yi wan zhang guan jie de guan jie bing
M19.095|原发性关节病 NOS|yuan fa xing guan jie bing
M19.195|创伤后关节病 NOS|chuang shang hou guan jie bing
M19.295|继发性关节病 NOS|ji fa xing guan jie bing
M19.821|肘骨关节病|zhou gu guan jie bing
M19.841|指骨关节病|zhi gu guan jie bing
M19.895|其他特指关节病|qi ta te zhi guan jie bing
M19.935|双侧腕骨性关节炎(病)|shuang ce wan gu xing guan jie yan bing
M19.955|双侧髋关节骨性关节炎(病)|shuang ce kuan guan jie gu xing guan jie yan bing
M19.965|老年性膝关节炎(病)|lao nian xing xi guan jie yan bing
M19.966|双侧膝骨性关节炎(病)|shuang ce xi gu xing guan jie yan bing
M19.975|双侧踝关节骨性关节炎(病)|shuang ce huai guan jie gu xing guan jie yan bing
M19.991|骨关节病|gu guan jie bing
M19.995|肥大性关节炎[骨关节炎]|fei da xing guan jie yan gu guan jie yan
M19.996|局限性关节病|ju xian xing guan jie bing
M19.997|骨性(病)关节炎|gu xing bing guan jie yan
M20.041|后天性槌状指|hou tian xing chui zhuang zhi
M20.042|后天性指畸形|hou tian xing zhi ji xing
M20.045|后天性小指屈曲畸形|hou tian xing xiao zhi qu qu ji xing
M20.046|后天性手畸形|hou tian xing shou ji xing
M20.047|后天性指挛缩畸形|hou tian xing zhi luan suo ji xing
M20.171|拇囊炎(足)|mu nang yan zu
M20.172|后天性拇外翻|hou tian xing mu wai fan
M20.275|僵拇(足)|jiang mu zu
M20.371|后天性拇(足)内翻|hou tian xing mu zu nei fan
M20.375|拇(足)内翻|mu zu nei fan
M20.376|拇(足)变形(后天性)|mu zu bian xing hou tian xing
M20.475|其他后天性锤状趾|qi ta hou tian xing chui zhuang zhi
M20.571|足仰趾畸形|zu yang zhi ji xing
M20.671|后天性趾畸形 NOS|hou tian xing zhi ji xing
M21.021|后天性肘外翻|hou tian xing zhou wai fan
M21.061|后天性膝外翻|hou tian xing xi wai fan
M21.071|后天性马蹄外翻足|hou tian xing ma ti wai fan zu
M21.072|后天性足外翻|hou tian xing zu wai fan
M21.121|后天性肘内翻|hou tian xing zhou nei fan
M21.151|后天性髋内翻|hou tian xing kuan nei fan
M21.161|后天性膝内翻|hou tian xing xi nei fan
M21.171|后天性足内翻|hou tian xing zu nei fan
M21.225|后天性肘关节屈曲畸形|hou tian xing zhou guan jie qu qu ji xing
M21.261|后天性膝关节屈曲畸形|hou tian xing xi guan jie qu qu ji xing
M21.335|后天性腕下垂|hou tian xing wan xia chui
M21.371|后天性足下垂|hou tian xing zu xia chui
M21.471|扁平足[平足](后天性)|bian ping zu ping zu hou tian xing
M21.545|手爪形|shou zhua xing
M21.571|后天性高弓足|hou tian xing gao gong zu
M21.575|后天性足畸形|hou tian xing zu ji xing
M21.576|仰趾弓形足(爪形趾)|yang zhi gong xing zu zhua xing zhi
M21.671|足后天畸形|zu hou tian ji xing
M21.785|后天性四肢长度不等|hou tian xing si zhi chang du bu deng
M21.815|后天性翼状肩胛骨|hou tian xing yi zhuang jian jia gu
M21.851|后天性股骨畸形|hou tian xing gu gu ji xing
M21.935|后天性腕关节畸形|hou tian xing wan guan jie ji xing
M21.951|后天性髋关节畸形|hou tian xing kuan guan jie ji xing
M21.981|后天性下肢畸形|hou tian xing xia zhi ji xing
M21.995|后天性关节畸形|hou tian xing guan jie ji xing
M22.065|习惯性复发性髌骨脱位|xi guan xing fu fa xing bin gu tuo wei
M22.165|复发性髌骨不全脱位|fu fa xing bin gu bu quan tuo wei
M22.205|髌股疾患|bin gu ji huan
M22.365|髌骨其他紊乱|bin gu qi ta wen luan
M22.461|髌骨软骨软化|bin gu ruan gu ruan hua
M22.865|髌骨其他疾患|bin gu qi ta ji huan
M22.965|髌骨疾患 NOS|bin gu ji huan
M23.061|膝外侧半月板囊肿|xi wai ce ban yue ban nang zhong
M23.091|膝半月板囊肿|xi ban yue ban nang zhong
M23.095|膝关节囊肿|xi guan jie nang zhong
M23.191|先天性盘状半月板|xian tian xing pan zhuang ban yue ban
M23.231|陈旧性膝内侧半月板损伤|chen jiu xing xi nei ce ban yue ban sun shang
M23.235|陈旧性半月板内侧桶柄样撕裂|chen jiu xing ban yue ban nei ce tong bing yang si lie
M23.261|陈旧性膝外侧半月板损伤|chen jiu xing xi wai ce ban yue ban sun shang
M23.291|陈旧性半月板损伤|chen jiu xing ban yue ban sun shang
M23.295|陈旧性膝关节韧带损伤|chen jiu xing xi guan jie ren dai sun shang
M23.315|内侧半月板前角紊乱|nei ce ban yue ban qian jiao wen luan
M23.325|内侧半月板后角紊乱|nei ce ban yue ban hou jiao wen luan
M23.335|内侧半月板紊乱|nei ce ban yue ban wen luan
M23.365|陈旧性外侧半月板紊乱|chen jiu xing wai ce ban yue ban wen luan
M23.395|膝关节变性|xi guan jie bian xing
M23.396|病理性关节脱位|bing li xing guan jie tuo wei
M23.491|膝关节游离体|xi guan jie you li ti
M23.595|膝慢性不稳定性疾患|xi man xing bu wen ding xing ji huan
M23.695|膝韧带其他自然破裂|xi ren dai qi ta zi ran po lie
M23.895|膝韧带松弛|xi ren dai song chi
M23.896|半月板钙化|ban yue ban gai hua
M23.897|弹响膝|tan xiang xi
M23.995|半月板疾患 NOS|ban yue ban ji huan
M23.996|膝内部紊乱 NOS|xi nei bu wen luan
M24.091|关节内游离体|guan jie nei you li ti
M24.195|其他关节软骨疾患|qi ta guan jie ruan gu ji huan
M24.281|项韧带肥厚|xiang ren dai fei hou
M24.291|黄韧带肥厚|huang ren dai fei hou
M24.292|韧带钙化|ren dai gai hua
M24.295|韧带囊肿|ren dai nang zhong
M24.296|韧带松弛|ren dai song chi
M24.351|髋关节病理性脱位|kuan guan jie bing li xing tuo wei
M24.361|膝关节病理性脱位|xi guan jie bing li xing tuo wei
M24.391|关节病理性脱位|guan jie bing li xing tuo wei
M24.392|关节自发性脱位|guan jie zi fa xing tuo wei
M24.465|膝韧带囊肿|xi ren dai nang zhong
M24.491|关节习惯性脱位|guan jie xi guan xing tuo wei
M24.535|腕关节屈曲挛缩|wan guan jie qu qu luan suo
M24.551|髋关节屈曲挛缩(后天性)|kuan guan jie qu qu luan suo hou tian xing
M24.565|膝反屈|xi fan qu
M24.591|关节挛缩|guan jie luan suo
M24.595|关节弯曲|guan jie wan qu
M24.621|肘关节强硬|zhou guan jie qiang ying
M24.645|指间关节强直|zhi jian guan jie qiang zhi
M24.651|髋关节强硬|kuan guan jie qiang ying
M24.661|膝关节强硬|xi guan jie qiang ying
M24.671|踝关节强硬|huai guan jie qiang ying
M24.685|颞颌关节强硬|nie he guan jie qiang ying
M24.691|关节强硬|guan jie qiang ying
M24.755|髋臼前突|kuan jiu qian tu
M24.811|陈旧性肩关节脱位|chen jiu xing jian guan jie tuo wei
M24.855|髋关节紊乱|kuan guan jie wen luan
M24.856|应激性髋|ying ji xing kuan
M24.861|陈旧性髌骨脱位|chen jiu xing bin gu tuo wei
M24.885|腰椎关节紊乱|yao zhui guan jie wen luan
M24.891|关节粘连|guan jie nian lian
M24.995|关节紊乱 NOS|guan jie wen luan
M25.091|关节积血|guan jie ji xue
M25.195|关节瘘|guan jie lou
M25.295|关节松弛|guan jie song chi
M25.395|关节其他不稳定性疾患|guan jie qi ta bu wen ding xing ji huan
M25.491|关节积液|guan jie ji ye
M25.505|多关节痛|duo guan jie tong
M25.506|痛痛病(骨和关节的及四肢痛疼)|tong tong bing gu he guan jie de ji si zhi tong teng
M25.511|肩关节痛|jian guan jie tong
M25.551|髋关节痛|kuan guan jie tong
M25.561|膝关节痛|xi guan jie tong
M25.591|关节痛|guan jie tong
M25.661|膝关节僵硬|xi guan jie jiang ying
M25.681|肢体僵硬|zhi ti jiang ying
M25.691|关节僵硬|guan jie jiang ying
M25.795|骨赘|gu zhui
M25.891|关节肿胀|guan jie zhong zhang
M25.892|关节周围骨化|guan jie zhou wei gu hua
M25.895|其他特指关节疾患难|qi ta te zhi guan jie ji huan nan
M25.991|关节病|guan jie bing
M25.992|关节肿物|guan jie zhong wu
M30.001|结节性多动脉炎(全动脉炎)(坏死性血管炎）|jie jie xing duo dong mai yan quan dong mai yan huai si xing xue guan yan
M30.005|结节性多动脉炎性痴呆|jie jie xing duo dong mai yan xing chi dai
M30.101|变应性肉芽肿性血管炎|bian ying xing rou ya zhong xing xue guan yan
M30.106|多动脉炎伴肺受累[丘格-斯特劳斯]|duo dong mai yan ban fei shou lei qiu ge si te lao si
M30.205|幼年型多动脉炎|you nian xing duo dong mai yan
M30.301|川崎病[急性发热性粘膜皮肤淋巴结综合征]|chuan qi bing ji xing fa re xing nian mo pi fu lin ba jie zong he zheng
M30.805|多脉管炎重叠综合征|duo mai guan yan chong die zong he zheng
M31.001|过敏性脉管炎|guo min xing mai guan yan
M31.002|古德帕斯丘氏综合征(肺出血肾炎综合征)|gu de pa si qiu shi zong he zheng fei chu xue shen yan zong he zheng
M31.003|免疫性血管炎|mian yi xing xue guan yan
M31.101|血栓性血小板减少性紫癜|xue shuan xing xue xiao ban jian shao xing zi dian
M31.105|血栓性微血管病|xue shuan xing wei xue guan bing
M31.201|致死性中线肉芽肿(鼻部坏疽性肉芽肿)|zhi si xing zhong xian rou ya zhong bi bu huai ju xing rou ya zhong
M31.203|坏疽性肉芽肿|huai ju xing rou ya zhong
M31.204|咽部坏疽性肉芽肿|yan bu huai ju xing rou ya zhong
M31.205|恶性(面部)肉芽肿|e xing mian bu rou ya zhong
M31.301|韦格纳肉芽肿|wei ge na rou ya zhong
M31.305|坏死性呼吸道肉芽肿病|huai si xing hu xi dao rou ya zhong bing
M31.401|高安氏病[无脉病；多发性大动脉炎；主动脉弓动脉炎]|gao an shi bing wu mai bing duo fa xing da dong mai yan zhu dong mai gong dong mai yan
M31.505|巨细胞动脉炎伴有风湿性多肌痛|ju xi bao dong mai yan ban you feng shi xing duo ji tong
M31.506|重叠综合症|chong die zong he zheng
M31.601|巨细胞动脉炎(颞动脉炎)|ju xi bao dong mai yan nie dong mai yan
M31.605|颅巨细胞动脉炎|lu ju xi bao dong mai yan
M31.805|血补体过少性血管病|xue bu ti guo shao xing xue guan bing
M31.905|坏死性血管病 NOS|huai si xing xue guan bing
M32.005|正确剂量的药物性狼疮|zheng que ji liang de yao wu xing lang chuang
M32.006|药物性系统性红斑狼疮|yao wu xing xi tong xing hong ban lang chuang
M32.101|狼疮性脑炎|lang chuang xing nao yan
M32.102|狼疮性心包炎|lang chuang xing xin bao yan
M32.103|狼疮性心肌病|lang chuang xing xin ji bing
M32.104|狼疮性肺炎|lang chuang xing fei yan
M32.105|狼疮性肾炎|lang chuang xing shen yan
M32.106|利-萨二氏病[非典型疣状心内膜炎]|li sa er shi bing fei dian xing you zhuang xin nei mo yan
M32.107|狼疮性肺病变|lang chuang xing fei bing bian
M32.108|狼疮性神经炎|lang chuang xing shen jing yan
M32.109|狼疮性脊髓病变|lang chuang xing ji sui bing bian
M32.110|狼疮性周围神经病|lang chuang xing zhou wei shen jing bing
M32.111|狼疮性桨膜炎|lang chuang xing jiang mo yan
M32.155|系统性红斑狼疮性脑炎|xi tong xing hong ban lang chuang xing nao yan
M32.805|播散性畿斑狼疮|bo san xing ji ban lang chuang
M32.901|系统性红斑狼疮 NOS|xi tong xing hong ban lang chuang
M33.005|幼年型皮多肌炎|you nian xing pi duo ji yan
M33.101|皮肌炎|pi ji yan
M33.102|皮肌炎性周围神经病|pi ji yan xing zhou wei shen jing bing
M33.201|多肌炎|duo ji yan
M33.202|多肌炎伴肺间质纤维化|duo ji yan ban fei jian zhi xian wei hua
M33.905|皮多肌炎 NOS|pi duo ji yan
M34.005|进行性全身性硬皮病|jin xing xing quan shen xing ying pi bing
M34.105|钙质沉着－雷诺现象－食管机能不良－指趾硬皮症－毛细血管扩张综合征[CREST]|gai zhi chen zhe lei nuo xian xiang shi guan ji neng bu liang zhi zhi ying pi zheng mao xi xue guan kuo zhang zong he zheng
M34.205|药物诱发的全身性硬皮病|yao wu you fa de quan shen xing ying pi bing
M34.801|全身性硬皮病性肺病变|quan shen xing ying pi bing xing fei bing bian
M34.805|布施克硬肿病|bu shi ke ying zhong bing
M34.806|全身性硬皮病伴有肌病|quan shen xing ying pi bing ban you ji bing
M34.807|全身性硬皮病伴肺炎|quan shen xing ying pi bing ban fei yan
M34.901|全身性硬皮病 NOS|quan shen xing ying pi bing
M34.902|硬皮病|ying pi bing
M35.001|干燥综合征[斯耶格伦氏综合征]|gan zao zong he zheng si ye ge lun shi zong he zheng
M35.002|继发性干燥[舍格伦]综合征|ji fa xing gan zao she ge lun zong he zheng
M35.003|干燥性角膜结膜炎|gan zao xing jiao mo jie mo yan
M35.005|干燥[舍格伦]综合征性肺病变|gan zao she ge lun zong he zheng xing fei bing bian
M35.006|干燥[舍格伦]综合征性肌病|gan zao she ge lun zong he zheng xing ji bing
M35.007|干燥[舍格伦]综合征伴肾小管－间质疾患|gan zao she ge lun zong he zheng ban shen xiao guan jian zhi ji huan
M35.101|重叠结缔组织病|chong die jie di zu zhi bing
M35.105|混合性结缔组织病(MCTD)|hun he xing jie di zu zhi bing
M35.201|白塞氏综合征[口疮；生殖器溃疡及葡萄膜炎；贝切特氏综合征]|bai sai shi zong he zheng kou chuang sheng zhi qi kui yang ji pu tao mo yan bei qie te shi zong he zheng
M35.205|贝赫切特外阴溃疡(急性)(感染性)|bei he qie te wai yin kui yang ji xing gan ran xing
M35.301|风湿性多肌痛|feng shi xing duo ji tong
M35.405|弥漫性(嗜酸细胞性)筋膜炎|mi man xing shi suan xi bao xing jin mo yan
M35.505|多病灶性纤维硬化病|duo bing zao xing xian wei ying hua bing
M35.605|复发性脂膜炎[韦伯－克里斯琴综合征]|fu fa xing zhi mo yan wei bo ke li si qin zong he zheng
M35.705|运动过强、运动过度综合征|yun dong guo qiang yun dong guo du zong he zheng
M35.706|家族性韧带松弛|jia zu xing ren dai song chi
M35.805|嗜酸粒细胞增多－肌痛综合征|shi suan li xi bao zeng duo ji tong zong he zheng
N28.854|囊性肾盂炎|nang xing shen yu yan
N28.855|囊性肾盂输尿管炎|nang xing shen yu shu niao guan yan
N28.856|失盐综合征[索恩综合征]|shi yan zong he zheng suo en zong he zheng
N28.857|输尿管积脓|shu niao guan ji nong
N28.858|囊性输尿管膨出|nang xing shu niao guan peng chu
N28.859|囊性输尿管炎|nang xing shu niao guan yan
N28.861|输尿管乙状结肠腹壁瘘|shu niao guan yi zhuang jie chang fu bi lou
N28.862|输尿管直肠瘘|shu niao guan zhi chang lou
N28.863|输尿管膀胱开口处囊肿|shu niao guan pang guang kai kou chu nang zhong
N28.901|肾病|shen bing
N28.902|肾肿物|shen zhong wu
N28.903|输尿管肿物|shu niao guan zhong wu
N28.904|肝炎相关性肾病|gan yan xiang guan xing shen bing
N28.905|尿酸性肾病|niao suan xing shen bing
N28.951|肾脏损害|shen zang sun hai
N30.001|急性膀胱炎|ji xing pang guang yan
N30.101|慢性间质性膀胱炎|man xing jian zhi xing pang guang yan
N30.151|洪纳溃疡[全膀胱壁纤维变性]|hong na kui yang quan pang guang bi xian wei bian xing
N30.201|慢性膀胱炎|man xing pang guang yan
N30.252|亚急性膀胱炎|ya ji xing pang guang yan
N30.351|膀胱三角炎|pang guang san jiao yan
N30.401|放射性膀胱炎|fang she xing pang guang yan
N30.801|腺性膀胱炎|xian xing pang guang yan
N30.802|增殖性膀胱炎|zeng zhi xing pang guang yan
N30.803|滤泡性膀胱炎|lv pao xing pang guang yan
N30.851|膀胱脓肿|pang guang nong zhong
N30.852|碱性沉着性膀胱炎[钙化性膀胱炎]|jian xing chen zhuo xing pang guang yan gai hua xing pang guang yan
N30.853|药物性膀胱炎|yao wu xing pang guang yan
N30.854|坏疽性膀胱炎|huai ju xing pang guang yan
N30.855|嗜酸性细胞性膀胱炎|shi suan xing xi bao xing pang guang yan
N30.856|囊性膀胱炎|nang xing pang guang yan
N30.901|膀胱炎 NOS|pang guang yan
N30.902|出血性膀胱炎|chu xue xing pang guang yan
N31.051|无抑制神经病性膀胱，NEC|wu yi zhi shen jing bing xing pang guang
N31.151|反射性神经病性膀胱，NEC|fan she xing shen jing bing xing pang guang
N31.201|膀胱松弛|pang guang song chi
N31.251|迟缓性神经病性膀胱，NEC|chi huan xing shen jing bing xing pang guang
N31.851|膀胱其他的神经肌肉功能不良|pang guang qi ta de shen jing ji rou gong neng bu liang
N31.901|神经原性膀胱|shen jing yuan xing pang guang
N31.951|膀胱神经肌肉功能不良 NOS|pang guang shen jing ji rou gong neng bu liang
N32.001|膀胱颈梗阻[马里恩氏病]|pang guang jing geng zu ma li en shi bing
N32.002|膀胱梗阻|pang guang geng zu
N32.003|膀胱颈狭窄(后天性)|pang guang jing xia zhai hou tian xing
N32.051|膀胱颈挛缩|pang guang jing luan suo
N32.101|膀胱直肠瘘|pang guang zhi chang lou
N32.201|膀胱瘘|pang guang lou
N32.251|膀胱会阴瘘|pang guang hui yin lou
N32.252|膀胱尿道瘘|pang guang niao dao lou
N32.253|腹壁膀胱瘘|fu bi pang guang lou
N32.301|膀胱憩室|pang guang qi shi
N32.351|膀胱憩室炎|pang guang qi shi yan
N32.451|非创伤性膀胱破裂|fei chuang shang xing pang guang po lie
N32.801|膀胱疤痕|pang guang ba hen
N32.802|膀胱出血|pang guang chu xue
N32.803|膀胱假憩室|pang guang jia qi shi
N32.804|膀胱扩张|pang guang kuo zhang
N32.805|膀胱挛缩|pang guang luan suo
N32.806|男性膀胱疝|nan xing pang guang shan
N32.851|膀胱(颈)钙化|pang guang jing gai hua
N32.852|膀胱颈后唇增生|pang guang jing hou chun zeng sheng
N32.853|膀胱溃疡|pang guang kui yang
N32.854|沙漏状膀胱挛缩|sha lou zhuang pang guang luan suo
N32.855|膀胱囊肿|pang guang nang zhong
N32.856|膀胱肉芽肿|pang guang rou ya zhong
N32.857|膀胱下垂|pang guang xia chui
N32.858|膀胱移位|pang guang yi wei
N32.901|膀胱肿物|pang guang zhong wu
N32.951|膀胱疾患 NOS|pang guang ji huan
N34.051|尿道脓肿|niao dao nong zhong
N34.052|考珀腺脓肿[尿道球腺]|kao po xian nong zhong niao dao qiu xian
N34.053|利特雷腺脓肿[男性尿道腺、包皮腺]|li te lei xian nong zhong nan xing niao dao xian bao pi xian
N34.151|非淋菌性尿道炎|fei lin jun xing niao dao yan
N34.152|非性病性尿道炎|fei xing bing xing niao dao yan
N34.201|尿道口炎|niao dao kou yan
N34.202|尿道炎|niao dao yan
N34.251|尿道口溃疡|niao dao kou kui yang
N34.252|尿道感染|niao dao gan ran
N34.253|尿道球腺炎|niao dao qiu xian yan
N34.351|尿道综合征|niao dao zong he zheng
N35.001|创伤性尿道狭窄|chuang shang xing niao dao xia zhai
N35.052|分娩后尿道狭窄|fen mian hou niao dao xia zhai
N35.151|感染性尿道狭窄|gan ran xing niao dao xia zhai
N35.851|陈旧性尿道狭窄|chen jiu xing niao dao xia zhai
N35.901|尿道狭窄 NOS|niao dao xia zhai
N35.951|针孔状尿道口|zhen kong zhuang niao dao kou
N35.952|后尿道狭窄|hou niao dao xia zhai
N36.001|尿道瘘|niao dao lou
N36.002|尿道直肠瘘|niao dao zhi chang lou
N36.003|尿道会阴瘘|niao dao hui yin lou
N36.004|创伤性尿道瘘|chuang shang xing niao dao lou
N36.005|手术后会阴瘘|shou shu hou hui yin lou
N36.006|手术后尿道瘘|shou shu hou niao dao lou
N36.101|尿道憩室|niao dao qi shi
N36.201|尿道肉阜|niao dao rou fu
N36.202|尿道息肉|niao dao xi rou
N36.351|尿道粘膜脱垂|niao dao nian mo tuo chui
N36.352|男性尿道膨出|nan xing niao dao peng chu
N36.801|女性前列腺病|nv xing qian lie xian bing
N36.802|尿道旁囊肿|niao dao pang nang zhong
N36.803|尿道口囊肿|niao dao kou nang zhong
N36.804|泌尿道出血|mi niao dao chu xue
N36.851|尿道闭塞|niao dao bi se
N36.852|尿道积水|niao dao ji shui
N36.853|尿道纤维化|niao dao xian wei hua
N36.854|机械性尿路梗阻|ji xie xing niao lu geng zu
N36.855|考珀腺囊肿[尿道球腺](良性)(感染)|kao po xian nang zhong niao dao qiu xian liang xing gan ran
N36.856|尿道炎性肉芽肿|niao dao yan xing rou ya zhong
N36.901|尿道肿物|niao dao zhong wu
N36.951|尿道疾患 NOS|niao dao ji huan
N39.001|泌尿道感染 NOS|mi niao dao gan ran
N39.151|持续性蛋白尿 NOS|chi xu xing dan bai niao
N39.201|体位性蛋白尿|ti wei xing dan bai niao
N39.251|直立性蛋白尿|zhi li xing dan bai niao
N39.301|张力性尿失禁|zhang li xing niao shi jin
N39.451|紧迫性尿失禁|jin po xing niao shi jin
N39.452|反流性尿失禁|fan liu xing niao shi jin
N39.453|溢出性尿失禁|yi chu xing niao shi jin
N39.851|其他特指泌尿系统疾患|qi ta te zhi mi niao xi tong ji huan
N39.951|泌尿系统疾患 NOS|mi niao xi tong ji huan
N40.X01|前列腺肥大(增生)|qian lie xian fei da zeng sheng
N40.X51|前列腺肌瘤|qian lie xian ji liu
N40.X52|前列腺纤维化|qian lie xian xian wei hua
N40.X53|前列腺纤维瘤|qian lie xian xian wei liu
N40.X54|前列腺腺瘤|qian lie xian xian liu
N40.X55|前列腺梗阻 NOS|qian lie xian geng zu
N41.001|急性前列腺炎|ji xing qian lie xian yan
N41.101|慢性前列腺炎|man xing qian lie xian yan
N41.151|肉芽肿性前列腺炎|rou ya zhong xing qian lie xian yan
N41.152|慢性前列腺炎伴出血|man xing qian lie xian yan ban chu xue
N41.251|前列腺脓肿|qian lie xian nong zhong
N41.351|前列腺膀胱炎|qian lie xian pang guang yan
N41.851|其他前列腺炎性疾病|qi ta qian lie xian yan xing ji bing
N41.901|前列腺炎 NOS|qian lie xian yan
N41.951|化脓性前列腺炎|hua nong xing qian lie xian yan
N42.001|前列腺结石|qian lie xian jie shi
N42.101|前列腺充血和出血|qian lie xian chong xue he chu xue
N42.251|前列腺萎缩|qian lie xian wei suo
N42.801|前列腺囊肿|qian lie xian nang zhong
N42.951|前列腺疾患 NOS|qian lie xian ji huan
N43.051|包绕性鞘膜积液|bao rao xing qiao mo ji ye
N43.052|包绕性睾丸水囊肿|bao rao xing gao wan shui nang zhong
N43.151|感染性精索水囊肿|gan ran xing jing suo shui nang zhong
N43.152|感染性鞘膜水囊肿|gan ran xing qiao mo shui nang zhong
N43.153|感染性睾丸水囊肿|gan ran xing gao wan shui nang zhong
N43.251|其他水囊肿|qi ta shui nang zhong
N43.301|鞘膜积液|qiao mo ji ye
N43.351|睾丸积液(精索、鞘膜)|gao wan ji ye jing suo qiao mo
N43.352|创伤后鞘膜积液|chuang shang hou qiao mo ji ye
N43.401|精液囊肿|jing ye nang zhong
N43.451|精子囊肿|jing zi nang zhong
N44.X01|睾丸扭转|gao wan niu zhuan
N44.X51|精索扭转|jing suo niu zhuan
N44.X52|附睾扭转|fu gao niu zhuan
N45.001|附睾脓肿|fu gao nong zhong
N45.051|睾丸脓肿|gao wan nong zhong
N45.901|附睾炎|fu gao yan
N45.902|睾丸炎|gao wan yan
N45.903|急性附睾炎|ji xing fu gao yan
N45.904|附睾-睾丸炎|fu gao gao wan yan
N45.951|附睾管扩张|fu gao guan kuo zhang
N45.952|附睾炎性假瘤|fu gao yan xing jia liu
N46.X01|精子缺乏|jing zi que fa
N46.X02|男性不育症|nan xing bu yu zheng
N46.X51|男性继发性不孕|nan xing ji fa xing bu yun
N47.X01|包茎|bao jing
N47.X02|包皮过长|bao pi guo chang
N47.X03|包皮粘连|bao pi nian lian
N47.X51|包皮过紧|bao pi guo jin
N47.X52|包皮嵌顿|bao pi qian dun
N48.051|阴茎白斑病|yin jing bai ban bing
N48.052|阴茎干皱症|yin jing gan zhou zheng
N48.101|包皮龟头炎|bao pi gui tou yan
N48.102|龟头炎|gui tou yan
N48.151|包皮溃疡|bao pi kui yang
N48.152|包皮炎|bao pi yan
N48.153|坏疽性龟头炎[科巴斯病]|huai ju xing gui tou yan ke ba si bing
N48.201|阴茎海绵体炎|yin jing hai mian ti yan
N48.251|阴茎海绵体脓肿|yin jing hai mian ti nong zhong
N48.252|阴茎脓肿|yin jing nong zhong
N48.301|阴茎异常勃起|yin jing yi chang bo qi
N48.302|阴茎痛性勃起|yin jing tong xing bo qi
N48.401|血管瘘性阳萎|xue guan lou xing yang wei
N48.402|外伤后阳萎|wai shang hou yang wei
N48.501|阴茎溃疡|yin jing kui yang
N48.601|阴茎纤维性海绵体炎[阴茎海绵体硬结症]|yin jing xian wei xing hai mian ti yan yin jing hai mian ti ying jie zheng
N48.801|包皮囊肿|bao pi nang zhong
N48.802|包皮瘢痕|bao pi ban hen
N48.851|阴茎根部窦道|yin jing gen bu dou dao
N48.852|非传染性阴茎囊肿|fei chuan ran xing yin jing nang zhong
N48.853|阴茎水肿|yin jing shui zhong
N48.854|泰森腺囊肿|tai sen xian nang zhong
N48.855|阴茎萎缩|yin jing wei suo
N48.856|阴茎肥大|yin jing fei da
N48.857|阴茎血管栓塞|yin jing xue guan shuan se
N48.951|阴茎疾患 NOS|yin jing ji huan
N49.001|精囊炎[前列腺精囊炎]|jing nang yan qian lie xian jing nang yan
N49.002|精囊周围炎|jing nang zhou wei yan
N49.101|鞘膜炎|qiao mo yan
N49.102|输精管炎|shu jing guan yan
N49.151|鞘膜脓肿|qiao mo nong zhong
N49.201|阴囊脓肿|yin nang nong zhong
N49.202|阴囊疖肿|yin nang jie zhong
N49.251|阴囊蜂窝织炎|yin nang feng wo zhi yan
N49.252|阴囊炎|yin nang yan
N49.851|精阜炎|jing fu yan
N49.951|男性生殖器官脓肿 NOS|nan xing sheng zhi qi guan nong zhong
N49.952|男性生殖器官疖(痈) NOS|nan xing sheng zhi qi guan jie yong
N49.953|男性生殖器官蜂窝织炎 NOS|nan xing sheng zhi qi guan feng wo zhi yan
N50.001|睾丸萎缩|gao wan wei suo
N50.051|精囊结石|jing nang jie shi
N50.151|睾丸血肿|gao wan xue zhong
N50.152|睾丸出血|gao wan chu xue
N50.801|附睾囊肿|fu gao nang zhong
N50.802|精囊囊肿|jing nang nang zhong
N50.804|附睾精子肉芽肿|fu gao jing zi rou ya zhong
N50.805|精液肉芽肿|jing ye rou ya zhong
N50.806|睾丸囊肿|gao wan nang zhong
N50.807|膀胱输精管阴囊瘘|pang guang shu jing guan yin nang lou
N50.808|睾丸坏死|gao wan huai si
N50.809|阴囊肿大|yin nang zhong da
N50.810|药物性外生殖器发育异常|yao wu xing wai sheng zhi qi fa yu yi chang
N50.851|睾丸表皮样囊肿[马拉色氏病]|gao wan biao pi yang nang zhong ma la se shi bing
N50.852|非丝虫性睾丸鞘膜乳糜囊肿|fei si chong xing gao wan qiao mo ru mi nang zhong
N50.853|睾丸疼痛|gao wan teng tong
N50.854|睾丸鞘膜肉芽肿伴积液|gao wan qiao mo rou ya zhong ban ji ye
N50.855|睾丸纤维化|gao wan xian wei hua
N50.856|阴囊感染|yin nang gan ran
N50.857|阴囊溃疡|yin nang kui yang
N50.858|阴囊皮下积血|yin nang pi xia ji xue
N50.859|阴囊水肿|yin nang shui zhong
N50.860|睾丸水囊肿|gao wan shui nang zhong
N50.861|精阜增生|jing fu zeng sheng
N50.862|精索鞘膜囊肿|jing suo qiao mo nang zhong
N50.863|附睾肉芽肿|fu gao rou ya zhong
N50.864|附睾阴囊瘘|fu gao yin nang lou
N50.865|附睾潴留囊肿|fu gao zhu liu nang zhong
N50.866|男性更年期综合征|nan xing geng nian qi zong he zheng
N50.867|复发性阿弗他男性生殖器官溃疡|fu fa xing a fu ta nan xing sheng zhi qi guan kui yang
N50.868|鞘膜囊肿|qiao mo nang zhong
N50.901|睾丸肿物|gao wan zhong wu
N50.902|阴囊肿物|yin nang zhong wu
N50.903|附睾肿物|fu gao zhong wu
N50.951|男性生殖器官疾患 NOS|nan xing sheng zhi qi guan ji huan
N60.001|乳腺囊肿|ru xian nang zhong
N60.101|慢性乳腺炎|man xing ru xian yan
N60.102|乳腺囊性增生病(慢性囊性乳腺炎)|ru xian nang xing zeng sheng bing man xing nang xing ru xian yan
N60.103|男性乳腺囊性增生|nan xing ru xian nang xing zeng sheng
N60.104|弥漫性囊性乳腺病|mi man xing nang xing ru xian bing
N60.151|乳腺囊性病[布拉德古德病]|ru xian nang xing bing bu la de gu de bing
N60.152|囊性乳腺炎|nang xing ru xian yan
N60.201|乳房纤维囊性乳腺病|ru fang xian wei nang xing ru xian bing
N60.351|乳房纤维硬化症|ru fang xian wei ying hua zheng
N60.352|纤维囊性乳腺增生|xian wei nang xing ru xian zeng sheng
N60.401|乳腺导管扩张|ru xian dao guan kuo zhang
N60.851|乳腺表皮样囊肿|ru xian biao pi yang nang zhong
N60.951|良性乳腺发育不良 NOS|liang xing ru xian fa yu bu liang
N61.X01|急性乳腺炎|ji xing ru xian yan
N61.X02|浆细胞性乳腺炎|jiang xi bao xing ru xian yan
N61.X03|乳房脓肿|ru fang nong zhong
N61.X04|乳头炎|ru tou yan
N61.X05|乳腺导管瘘|ru xian dao guan lou
N61.X06|乳腺瘘|ru xian lou
N61.X07|乳腺炎|ru xian yan
N61.X08|阻塞性乳腺炎(瘀积性)|zu se xing ru xian yan yu ji xing
N61.X09|乳腺脓肿|ru xian nong zhong
N61.X10|乳房炎性肿物|ru fang yan xing zhong wu
N61.X51|乳房溃疡|ru fang kui yang
N61.X52|乳头皮赘|ru tou pi zhui
N62.X01|巨乳症|ju ru zheng
N62.X02|男性乳腺发育(甲亢性)|nan xing ru xian fa yu jia kang xing
N62.X03|乳腺增生|ru xian zeng sheng
N62.X04|男性乳房发育|nan xing ru fang fa yu
N62.X51|男子女性型乳房|nan zi nv xing xing ru fang
N62.X52|乳房小叶增生|ru fang xiao ye zeng sheng
N63.X51|乳房肿块|ru fang zhong kuai
N63.X52|乳房结节|ru fang jie jie
N64.051|乳头裂|ru tou lie
N64.052|乳头晕皮裂|ru tou yun pi lie
N64.053|乳头瘘|ru tou lou
N64.101|乳房脂肪坏死|ru fang zhi fang huai si
N64.251|乳房萎缩|ru fang wei suo
N64.301|非生产期乳溢|fei sheng chan qi ru yi
N64.351|福贝尔－奥尔布融赖特综合征[非产后闭经溢乳综合征]|fu bei er ao er bu rong lai te zong he zheng fei chan hou bi jing yi ru zong he zheng
N64.352|非产后垂体瘤性闭经泌乳综合征|fei chan hou chui ti liu xing bi jing mi ru zong he zheng
N64.451|乳房痛|ru fang tong
N64.501|乳头溢液|ru tou yi ye
N64.551|乳房硬结|ru fang ying jie
N64.552|乳头内陷(非产褥期)|ru tou nei xian fei chan ru qi
N64.851|乳头变性|ru tou bian xing
N64.852|乳液囊肿|ru ye nang zhong
N64.853|哺乳(产)后乳房复旧不全|bu ru chan hou ru fang fu jiu bu quan
N64.854|悬乳|xuan ru
N64.951|乳腺腺病|ru xian xian bing
N64.952|乳房疾患 NOS|ru fang ji huan
N70.001|急性输卵管炎|ji xing shu luan guan yan
N70.051|急性卵巢炎|ji xing luan chao yan
N70.052|急性输卵管炎和卵巢炎|ji xing shu luan guan yan he luan chao yan
N70.101|卵巢积水|luan chao ji shui
N70.102|慢性输卵管炎|man xing shu luan guan yan
N70.103|输卵管积水|shu luan guan ji shui
N70.104|慢性输卵管和卵巢炎|man xing shu luan guan he luan chao yan
N70.151|慢性卵巢炎|man xing luan chao yan
N70.901|卵巢脓肿|luan chao nong zhong
N70.902|卵巢炎|luan chao yan
N70.903|输卵管积脓|shu luan guan ji nong
N70.904|输卵管卵巢脓肿|shu luan guan luan chao nong zhong
N70.905|输卵管炎|shu luan guan yan
N70.906|输卵管周围炎|shu luan guan zhou wei yan
N70.951|附件炎(输卵管和卵巢炎)|fu jian yan shu luan guan he luan chao yan
N70.952|附件炎性包块|fu jian yan xing bao kuai
N70.953|出血性输卵管炎|chu xue xing shu luan guan yan
N70.954|化脓性输卵管炎|hua nong xing shu luan guan yan
N71.051|急性子宫内膜炎|ji xing zi gong nei mo yan
N71.052|急性子宫炎|ji xing zi gong yan
N71.101|慢性子宫内膜炎|man xing zi gong nei mo yan
N71.102|慢性子宫炎|man xing zi gong yan
N71.901|子宫肌炎|zi gong ji yan
N71.902|子宫积脓|zi gong ji nong
N71.903|子宫内膜炎|zi gong nei mo yan
N71.951|子宫内感染|zi gong nei gan ran
N71.952|子宫体炎|zi gong ti yan
N71.953|子宫炎|zi gong yan
N72.X01|子宫颈内膜炎|zi gong jing nei mo yan
N72.X02|子宫颈炎|zi gong jing yan
N72.X03|慢性子宫颈炎|man xing zi gong jing yan
N72.X51|子宫颈感染|zi gong jing gan ran
N72.X52|慢性子宫颈及宫颈内膜炎|man xing zi gong jing ji gong jing nei mo yan
N72.X53|子宫颈炎伴溃疡|zi gong jing yan ban kui yang
N73.001|女性急性盆腔炎|nv xing ji xing pen qiang yan
N73.051|急性盆腔炎|ji xing pen qiang yan
N73.052|急性阔韧带脓肿|ji xing kuo ren dai nong zhong
N73.053|急性子宫旁脓肿|ji xing zi gong pang nong zhong
N73.151|慢性盆腔炎|man xing pen qiang yan
N73.201|女性盆腔脓肿|nv xing pen qiang nong zhong
N73.251|阔韧带脓肿|kuo ren dai nong zhong
N73.301|女性急性盆腔腹膜炎|nv xing ji xing pen qiang fu mo yan
N73.401|女性慢性盆腔腹膜炎|nv xing man xing pen qiang fu mo yan
N73.551|道格拉斯陷窝或囊的脓肿[直肠子宫]|dao ge la si xian wo huo nang de nong zhong zhi chang zi gong
N73.552|女性盆腔腹膜炎 NOS|nv xing pen qiang fu mo yan
N73.601|卵巢输卵管粘连|luan chao shu luan guan nian lian
N73.602|卵巢粘连|luan chao nian lian
N73.603|女性盆腔粘连|nv xing pen qiang nian lian
N73.604|输卵管粘连|shu luan guan nian lian
N73.605|子宫粘连|zi gong nian lian
N73.851|其他特指女性盆腔炎性疾病|qi ta te zhi nv xing pen qiang yan xing ji bing
N73.901|女性盆腔炎|nv xing pen qiang yan
N73.951|盆腔脓肿|pen qiang nong zhong
N73.952|盆腔炎性包块|pen qiang yan xing bao kuai
N73.953|女性盆腔感染或炎症 NOS|nv xing pen qiang gan ran huo yan zheng
N75.001|前庭大腺囊肿[巴多林氏腺囊肿]|qian ting da xian nang zhong ba duo lin shi xian nang zhong
N75.101|前庭大腺脓肿|qian ting da xian nong zhong
N75.851|前庭大腺肥大|qian ting da xian fei da
N75.852|前庭大腺炎(化脓性)|qian ting da xian yan hua nong xing
N75.951|前庭大腺疾患 NOS|qian ting da xian ji huan
N76.001|阴道炎|yin dao yan
N76.002|阴道脓肿|yin dao nong zhong
N76.003|细菌性阴道炎|xi jun xing yin dao yan
N76.051|外阴蜂窝织炎|wai yin feng wo zhi yan
N76.052|外阴阴道炎|wai yin yin dao yan
N76.053|非特异性阴道炎|fei te yi xing yin dao yan
N76.054|急性阴道炎|ji xing yin dao yan
N76.151|亚急性外阴阴道炎|ya ji xing wai yin yin dao yan
N76.152|慢性外阴阴道炎|man xing wai yin yin dao yan
N76.251|急性外阴炎|ji xing wai yin yan
N76.252|小阴唇炎|xiao yin chun yan
N76.253|外阴炎|wai yin yan
N76.351|亚急性外阴炎|ya ji xing wai yin yan
N76.352|慢性外阴炎|man xing wai yin yan
N76.401|外阴脓肿|wai yin nong zhong
N76.451|外阴疖肿|wai yin jie zhong
N76.452|会阴痈|hui yin yong
N76.501|阴道溃疡|yin dao kui yang
N76.601|外阴溃疡|wai yin kui yang
`;
