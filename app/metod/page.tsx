import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Metod: så bedöms förändringar' };

/*
 * The methods page, in plain Swedish (docs/statistics.md is the rulebook it explains). Every verdict badge links
 * here by the anchor of its verdict; keep the anchors stable.
 */
const NBSP = '\u00a0';

const VERDICTS: { id?: string; shape: string; label: string; text: string }[] = [
  {
    id: 'sakerstalld',
    shape: '▲ ▼',
    label: 'Säkerställd förbättring / Säkerställd försämring',
    text: `Förändringen är större än felmarginalen: sannolikheten att en så stor skillnad uppstår av en slump när inget har ändrats är under 5${NBSP}% (p < 0,05). Sidan säger också hur stor förändringen är, med sitt 95-procentiga konfidensintervall (till exempel "9 procentenheter, 95${NBSP}% KI 5–13"). Den första säkerställda förändringen i en kort serie kallas preliminär tills nästa mätning bekräftar den.`,
  },
  {
    id: 'tecken',
    shape: '△ ▽',
    label: 'Tecken på förbättring / försämring (ej säkerställd)',
    text: `Förändringen är inte statistiskt säkerställd. Den är så stor att en slump bara ger en lika stor skillnad i ungefär var tionde jämförelse (p < 0,10), men det räcker inte för att säga att något har hänt. Därför ritas den utan grön eller röd färg.`,
  },
  {
    id: 'oforandrat',
    shape: '●',
    label: 'Oförändrat',
    text: 'Ingen förändring som går att skilja från slumpen. Det betyder inte att värdet är exakt detsamma – bara att mätningarna inte visar någon förändring.',
  },
  {
    id: 'underlag-saknas',
    shape: '?',
    label: 'Underlag saknas',
    text: 'Förändringen kan inte bedömas: baslinje eller ny mätning saknas, för få svar (färre än 30), perioderna överlappar, metoden har ändrats mellan mätningarna, eller mätningarna av avloppsvatten är inte jämförbara. Orsaken står vid måttet.',
  },
  {
    id: 'sammanhang',
    shape: '◇',
    label: 'Sammanhang',
    text: 'Mått utan målriktning, till exempel anmälda brott där en ökning kan bero på fler anmälningar eller mer polisarbete. De får en neutral text (ökning, minskning, oförändrat) på samma nivåer, men aldrig bättre eller sämre.',
  },
];

export default function MethodPage() {
  return (
    <article className="method">
      <h1>Så bedöms förändringar</h1>
      <p className="lead">
        Trygghetsläget jämför varje mått med planens baslinje, med länet och med riket. Här står vad bedömningarna betyder, vilka
        beräkningar som ligger bakom och hur osäkra siffrorna är. Alla regler finns samlade i projektets statistiska regelbok.
      </p>

      <nav aria-label="På sidan">
        <ul>
          <li>
            <a href="#bedomningar">Bedömningarna</a>
          </li>
          <li>
            <a href="#test">Vilken beräkning som används</a>
          </li>
          <li>
            <a href="#osakerhet">Hur osäkra siffrorna är</a>
          </li>
          <li>
            <a href="#malvarde">Målvärde och takt</a>
          </li>
          <li>
            <a href="#jamforelse">Jämförelse med länet och riket</a>
          </li>
          <li>
            <a href="#rang">Rangordning bland länets kommuner</a>
          </li>
          <li>
            <a href="#manga-jamforelser">Många jämförelser på en gång</a>
          </li>
          <li>
            <a href="#exempeldata">Exempeldata</a>
          </li>
        </ul>
      </nav>

      <h2 id="bedomningar">Bedömningarna</h2>
      <p>Varje mått får en av bedömningarna nedan. Symbolen och orden bär betydelsen; färgen är bara ett stöd.</p>
      <dl className="verdict-list">
        {VERDICTS.map((v) => (
          <div key={v.label} id={v.id}>
            <dt>
              <span aria-hidden="true">{v.shape} </span>
              <strong>{v.label}</strong>
            </dt>
            <dd>{v.text}</dd>
          </div>
        ))}
      </dl>

      <h2 id="test">Vilken beräkning som används</h2>
      <ul>
        <li>
          <strong>Enkäter</strong> (NTU, Lupp, Polisens trygghetsmätning, Svenskt Näringsliv): skillnaden mellan två andelar jämförs med
          deras sammanlagda felmarginal. Vi använder källans eget konfidensintervall när det finns, annars Wilsons intervall, som också
          fungerar nära 0 och 100{NBSP}%. Med fem eller fler jämförbara mätningar prövas trenden över alla mätningar.
        </li>
        <li>
          <strong>Andelar av personer i kommunens register</strong> (till exempel andelen familjer som tackat ja till stöd): också de
          varierar av en slump från år till år och prövas som enkätandelar. Bara rena inventeringar – antal skolor, ett ja eller nej –
          räknas som exakta.
        </li>
        <li id="antal">
          <strong>Anmälda brott och andra antal</strong>: antal händelser varierar av en slump (Poissonfördelning), men anmälda brott
          varierar mer än så – ett ärende kan ge många anmälningar och polisens insatser styr narkotikabrotten. Därför skattas
          överspridningen ur kommunens egen serie (kvasi-Poisson) och felmarginalen vidgas därefter. Med färre än fyra tidigare mätningar
          går överspridningen inte att skatta, och då kan en förändring som mest ge tecken, inte säkerställas.
        </li>
        <li id="avloppsvatten">
          <strong>Avloppsvatten</strong>: mätningarna visar narkotika i avloppet från reningsverkets upptagningsområde – där ingår pendlare
          och besökare, och amfetamin kommer delvis från ADHD-läkemedel. Bara samma reningsverk, ämne och säsong jämförs. När det finns en
          enda provvecka per år säger variationen inom veckan inte hur mycket nivån skiftar mellan år; då prövas förändringen mot verkets
          egen variation mellan tidigare år, och utan sådan historik kan den som mest ge tecken på förändring.
        </li>
        <li id="ntu-2017">
          <strong>NTU:s metodbyte 2017</strong>: Brå ändrade Nationella trygghetsundersökningen 2017. Värden före och efter jämförs inte,
          och NTU-perioder som överlappar (till exempel 2021–2022 och 2022–2023) jämförs inte heller eftersom de delar svarande.
        </li>
      </ul>

      <h2 id="osakerhet">Hur osäkra siffrorna är</h2>
      <p>
        En kommun som Hedemora har få svarande i varje enkät, så felmarginalerna är stora. Bredvid varje enkätvärde står antal svar (n) och
        95-procentigt konfidensintervall (KI): det spann där det verkliga värdet troligen ligger.
      </p>
      <table className="data">
        <caption>Exempel: felmarginalen för en andel på 38{NBSP}%</caption>
        <thead>
          <tr>
            <th scope="col">Antal svar</th>
            <th scope="col">95{NBSP}% KI</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">93</td>
            <td>29–48{NBSP}%</td>
          </tr>
          <tr>
            <td>93, klassvis urval (designeffekt 1,5)</td>
            <td>27–50{NBSP}%</td>
          </tr>
          <tr>
            <td className="num">1{NBSP}600</td>
            <td>36–40{NBSP}%</td>
          </tr>
        </tbody>
      </table>
      <p>
        Färre än 30 svar visas inte (&quot;För få svar&quot;); 30–49 svar visas med flaggan &quot;Osäker skattning&quot;. Lupp besvaras
        klassvis och elever i samma klass liknar varandra: därför räknar vi med designeffekten 1,5 om filen inte anger någon egen, och
        flaggar &quot;Uppskattad felmarginal&quot;.
      </p>

      <h2 id="malvarde">Målvärde och takt</h2>
      <p>
        Om planen har ett målvärde visas målstatus <em>bredvid</em> bedömningen av förändringen, aldrig i stället för den: ett mått kan ha
        nått målvärdet och samtidigt ha blivit säkerställt sämre. Står det &quot;målvärdet inom felmarginalen&quot; kan det verkliga värdet
        ligga på båda sidor om målet.
      </p>
      <p id="takt">
        Takten visas bara när förändringen är säkerställd. Har planen ett målvärde jämförs takten med den som behövs för att nå det i tid
        (God takt, Framsteg men för låg takt, Låg takt eller Går åt fel håll, &quot;mot målvärdet&quot;). Utan målvärde finns inget att vara
        för långsam mot: då beskrivs bara hur snabbt värdet förbättras per år (Snabb, Måttlig eller Långsam förbättring, eller Går åt fel
        håll). Är förändringen inte säkerställd står &quot;För osäkert för att bedöma takten&quot; tillsammans med lutningen per år över
        alla jämförbara mätningar och dess konfidensintervall. Bedömningen Oförändrat får aldrig något ord om takt bredvid sig.
      </p>

      <h2 id="jamforelse">Jämförelse med länet och riket</h2>
      <p>
        Kommunen jämförs med länet och riket för samma period och samma definition. &quot;Bättre än&quot; eller &quot;Sämre än&quot; betyder
        en säkerställd skillnad, med dess storlek och konfidensintervall. Annars står &quot;Ingen säkerställd skillnad mot …&quot; – vilket
        inte betyder att värdena är lika. Kommunen ingår i länet; hur mycket beror på dess andel av länets befolkning, som hämtas ur Brås
        statistik över anmälda brott (antal delat med antal per 100{NBSP}000 invånare). Saknas befolkningen räknar vi försiktigt, som om
        kommunen inte ingick i länet, och säger det. En kommun som utgör hela sitt län (Gotland) jämförs inte med länet. En skillnad säger
        inget om orsaker: kommuner skiljer sig i ålder, kön och tätort eller landsbygd.
      </p>

      <h2 id="rang">Rangordning bland länets kommuner</h2>
      <p>
        Placeringen räknas bara bland kommuner med redovisade värden; värden som döljs för att svaren är för få ingår aldrig. Eftersom varje
        kommuns värde är osäkert visas också ett intervall för placeringen: vi drar 2{NBSP}000 gånger ett möjligt värde för varje kommun ur
        dess felmarginal och ser vilka placeringar kommunen får. Med enkäternas felmarginaler kan en kommun mitt i ett län med 15 kommuner
        hamna nästan var som helst mellan plats 2 och 14. Saknas felmarginalen visas ingen placering.
      </p>

      <h2 id="manga-jamforelser">Många jämförelser på en gång</h2>
      <p>
        Varje jämförelse har 5{NBSP}% risk att se säkerställd ut av en slump. En sida med 20 jämförelser väntas därför visa ungefär en
        &quot;säkerställd&quot; skillnad även om ingenting har hänt. Målsidorna räknar alla jämförelser de visar – förändringar och
        jämförelser med länet och riket – och säger hur många som håller efter korrigering för antalet (Holms metod). Bara då står det att
        minst en skillnad sannolikt är verklig.
      </p>

      <h2 id="exempeldata">Exempeldata</h2>
      <p>
        Mått som ännu saknar verkliga värden visar påhittade exempelvärden, märkta &quot;Exempeldata&quot;. I API:t och i nedladdade filer
        säger varje värde och bedömning om det bygger på exempeldata, vilken källa det kommer från och vilken import som lade in det.
      </p>

      <p>
        <Link href="/">Till översikten</Link>
      </p>
    </article>
  );
}
